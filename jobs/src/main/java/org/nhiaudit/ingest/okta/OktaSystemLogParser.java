package org.nhiaudit.ingest.okta;

import static org.nhiaudit.ingest.support.Fields.first;
import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordKeys;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.ingest.support.Times;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * Okta System Log events as the {@code /api/v1/logs} API returns them (a JSON array per page, or
 * JSON lines when collected).
 *
 * <p>Fields used: {@code published}, {@code eventType} (the action), {@code actor} (id, type,
 * alternateId), {@code client.ipAddress}, {@code client.userAgent.rawUserAgent}, {@code
 * outcome.result} and {@code outcome.reason}, {@code target[]}, {@code
 * authenticationContext.credentialType}, and the API token id in {@code
 * transaction.detail.requestApiTokenId} or {@code debugContext.debugData.requestApiTokenId}.
 *
 * <p>Classification: a call made with an API token is NON_HUMAN (the token belongs to an admin user
 * but acts as software); an actor that is not a {@code User} (an OAuth service client, {@code
 * PublicClientApp}, or an app instance) is NON_HUMAN, keyed by its client id; {@code
 * SystemPrincipal} is Okta itself (SERVICE); users are HUMAN. Outcome DENY is DENIED, so is a
 * FAILURE whose reason names bad credentials; other failures are ERROR.
 *
 * <p>Not handled: the Okta org (events do not name it; {@code account} stays empty), and the event
 * hooks / Log Streaming envelopes, which wrap the same event in another object.
 */
public final class OktaSystemLogParser implements RecordParser {

  private static final RecordKeys READS =
      RecordKeys.of("published", "eventType", "actor", "target")
          .and("outcome", RecordKeys.of("result", "reason"))
          .and("client", RecordKeys.of("ipAddress").and("userAgent", RecordKeys.of("rawUserAgent")))
          .and("authenticationContext", RecordKeys.of("credentialType"))
          .and("transaction", RecordKeys.none().and("detail", RecordKeys.of("requestApiTokenId")))
          .and(
              "debugContext",
              RecordKeys.none().and("debugData", RecordKeys.of("requestApiTokenId")));

  @Override
  public String format() {
    return "okta";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  @Override
  public boolean accepts(JsonNode record) {
    return record.has("eventType") && record.has("published") && record.has("actor");
  }

  @Override
  public ParseOutcome parse(JsonNode r, Origin origin) {
    Instant time = Times.parse(r.path("published"));
    String eventType = text(r, "eventType");
    JsonNode actor = r.path("actor");
    String actorId = first(text(actor, "alternateId"), text(actor, "id"));
    if (time == null) {
      return ParseOutcome.rejected("Okta event without a readable published time");
    }
    if (eventType == null) {
      return ParseOutcome.rejected("Okta event without eventType");
    }
    if (actorId == null) {
      return ParseOutcome.rejected("Okta event without actor.alternateId or actor.id");
    }
    Caller caller = caller(r, actor, actorId);
    String result = first(text(r, "outcome", "result"), "SUCCESS").toUpperCase(Locale.ROOT);
    Outcome outcome = outcome(result, text(r, "outcome", "reason"));
    return ParseOutcome.parsed(
        new AccessEvent(
            time,
            "okta",
            null,
            actorId,
            first(text(actor, "type"), "unknown"),
            caller.credential(),
            caller.kind(),
            "okta:" + eventType,
            targets(r.path("target")),
            text(r, "client", "ipAddress"),
            text(r, "client", "userAgent", "rawUserAgent"),
            outcome,
            outcome == Outcome.SUCCESS ? null : first(text(r, "outcome", "reason"), result),
            null,
            caller.actorClass(),
            caller.rule(),
            origin));
  }

  private static Caller caller(JsonNode r, JsonNode actor, String actorId) {
    String tokenId =
        first(
            text(r, "transaction", "detail", "requestApiTokenId"),
            text(r, "debugContext", "debugData", "requestApiTokenId"));
    String credentialType = text(r, "authenticationContext", "credentialType");
    if (tokenId != null || "API_TOKEN".equalsIgnoreCase(credentialType)) {
      return new Caller(ActorClass.NON_HUMAN, "okta.api-token", tokenId, CredentialKind.TOKEN);
    }
    String type = first(text(actor, "type"), "");
    if (type.equals("User")) {
      return new Caller(ActorClass.HUMAN, "okta.user", null, CredentialKind.UNKNOWN);
    }
    if (type.equals("SystemPrincipal")) {
      return new Caller(ActorClass.SERVICE, "okta.system", null, CredentialKind.UNKNOWN);
    }
    return new Caller(
        ActorClass.NON_HUMAN, "okta.client", first(text(actor, "id"), actorId), CredentialKind.APP);
  }

  private static Outcome outcome(String result, String reason) {
    if (result.equals("DENY")) {
      return Outcome.DENIED;
    }
    if (!result.equals("FAILURE")) {
      return Outcome.SUCCESS;
    }
    String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    return lower.contains("invalid_credentials")
            || lower.contains("invalid credentials")
            || lower.contains("denied")
        ? Outcome.DENIED
        : Outcome.ERROR;
  }

  private static List<String> targets(JsonNode targets) {
    List<String> out = new ArrayList<>();
    for (JsonNode target : targets) {
      String name = first(text(target, "alternateId"), text(target, "id"));
      if (name != null) {
        out.add(first(text(target, "type"), "target") + ":" + name);
      }
    }
    return out;
  }

  private record Caller(
      ActorClass actorClass, String rule, String credential, CredentialKind kind) {}
}
