package org.nhiaudit.ingest.github;

import static org.nhiaudit.ingest.support.Fields.first;
import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordKeys;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.ingest.support.Fields;
import org.nhiaudit.ingest.support.Times;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * GitHub enterprise, organisation or user audit-log exports and API pages (JSON lines or array).
 *
 * <p>Fields used: {@code action}, {@code actor} (else {@code user}), {@code @timestamp} or {@code
 * created_at} (epoch milliseconds or ISO text), {@code org} (text, number or list; else {@code
 * business}), {@code repo}/{@code repository}, {@code actor_ip}, {@code user_agent}, {@code
 * actor_is_bot}, and the token data {@code programmatic_access_type}, {@code token_id}, {@code
 * hashed_token}. The credential is the token id or the token's SHA-256 hash, never a token.
 *
 * <p>GitHub fills the token data with the credential that made the call, except on events about a
 * token's own life (personal_access_token.*, oauth_access.*, ...), where exports show the token
 * being created or revoked; there it is recorded as a resource and the actor is classified by the
 * session that did it. Outcome: GitHub logs few failures; actions naming a failure ({@code
 * user.failed_login}, {@code *_failure}) are DENIED, everything else SUCCESS. Not handled: Git
 * events' {@code repository_public} and transport fields, and {@code token_scopes} (not kept).
 */
public final class GitHubAuditParser implements RecordParser {

  private static final List<String> TOKEN_LIFECYCLE =
      List.of(
          "personal_access_token.",
          "oauth_access.",
          "oauth_authorization.",
          "oauth_application.",
          "integration_installation.",
          "public_key.",
          "deploy_key.");

  private static final RecordKeys READS =
      RecordKeys.of(
          "action",
          "@timestamp",
          "created_at",
          "actor",
          "user",
          "_document_id",
          "actor_is_bot",
          "actor_ip",
          "user_agent",
          "org",
          "business",
          "repo",
          "repository",
          "integration",
          "programmatic_access_type",
          "token_id",
          "hashed_token");

  @Override
  public String format() {
    return "github-audit";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  @Override
  public boolean accepts(JsonNode record) {
    return record.path("action").isTextual()
        && (record.has("@timestamp") || record.has("created_at"))
        && (record.has("actor") || record.has("user") || record.has("_document_id"));
  }

  @Override
  public ParseOutcome parse(JsonNode r, Origin origin) {
    Instant time = first(Times.parse(r.path("@timestamp")), Times.parse(r.path("created_at")));
    String actor = first(text(r, "actor"), text(r, "user"));
    String action = text(r, "action");
    if (time == null) {
      return ParseOutcome.rejected("GitHub audit event without @timestamp or created_at");
    }
    if (actor == null) {
      return ParseOutcome.rejected("GitHub audit event without actor or user");
    }
    if (action == null) {
      return ParseOutcome.rejected("GitHub audit event without action");
    }
    boolean lifecycle = TOKEN_LIFECYCLE.stream().anyMatch(action::startsWith);
    Caller caller = caller(r, actor, lifecycle);
    boolean failed = action.contains("failed") || action.contains("failure");
    return ParseOutcome.parsed(
        new AccessEvent(
            time,
            "github",
            first(text(Fields.firstOf(r.path("org"))), text(r, "business")),
            actor,
            caller.type(),
            caller.credential(),
            caller.kind(),
            "github:" + action,
            resources(r, lifecycle),
            text(r, "actor_ip"),
            text(r, "user_agent"),
            failed ? Outcome.DENIED : Outcome.SUCCESS,
            failed ? action.substring(action.indexOf('.') + 1) : null,
            null,
            caller.actorClass(),
            caller.rule(),
            origin));
  }

  private static Caller caller(JsonNode r, String actor, boolean lifecycle) {
    String access = lifecycle ? null : text(r, "programmatic_access_type");
    String tokenId = lifecycle ? null : tokenId(r);
    if (actor.endsWith("[bot]") || r.path("actor_is_bot").asBoolean(false)) {
      return new Caller(
          ActorClass.NON_HUMAN, "github.bot", "bot", first(tokenId, actor), CredentialKind.APP);
    }
    if (access != null) {
      CredentialKind kind =
          access.toLowerCase().contains("server-to-server")
              ? CredentialKind.APP
              : CredentialKind.TOKEN;
      return new Caller(ActorClass.NON_HUMAN, "github.token", access, tokenId, kind);
    }
    return new Caller(ActorClass.HUMAN, "github.web-session", "user", null, CredentialKind.UNKNOWN);
  }

  private static String tokenId(JsonNode r) {
    return first(text(r, "token_id"), text(r, "hashed_token"));
  }

  private static List<String> resources(JsonNode r, boolean lifecycle) {
    List<String> resources = new ArrayList<>();
    String repo = first(text(r, "repo"), text(r, "repository"));
    if (repo != null) {
      resources.add(repo);
    }
    String token = tokenId(r);
    if (lifecycle && token != null) {
      resources.add("token:" + token);
    }
    String integration = text(r, "integration");
    if (integration != null) {
      resources.add("app:" + integration);
    }
    return resources;
  }

  /** The calling credential as far as the event tells. */
  private record Caller(
      ActorClass actorClass, String rule, String type, String credential, CredentialKind kind) {}
}
