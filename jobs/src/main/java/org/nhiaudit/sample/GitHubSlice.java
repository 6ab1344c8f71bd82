package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * GitHub: the organisation's audit-log export (JSON lines), with the token data GitHub adds to
 * calls made with a token. Planted: the release bot's classic personal access token, about two
 * years old, without expiry, holding {@code admin:org}; healthy: the docs sync's fine-grained
 * token, issued three weeks ago with a three-month life. The CI app and a person work too.
 */
final class GitHubSlice extends PlatformSlice {

  private static final String ORG = "example-retail";
  private static final String CLASSIC = "Personal access token (classic)";
  private static final String FINE = "Fine-grained personal access token";
  static final String RELEASE_BOT = "exr-release-bot";
  static final String DOCS_BOT = "exr-docs-sync";
  private static final String CI_APP = "exr-ci[bot]";

  private final String releaseToken = String.valueOf(20_000_000 + random.nextInt(9_000_000));
  private final String docsToken = String.valueOf(140_000_000 + random.nextInt(9_000_000));
  private final LocalDate docsIssued = daysBeforeEnd(21);

  GitHubSlice(SampleOptions options) {
    super(options, 4);
  }

  @Override
  PlatformLog write() throws IOException {
    eachDay(this::day);
    writeJsonLines(options.out().resolve("github"), ORG + "-audit-", ".jsonl");
    List<PlatformCase> cases =
        List.of(
            new PlatformCase("github", RELEASE_BOT, releaseToken, Planted.GITHUB_ADMIN_PAT),
            new PlatformCase("github", DOCS_BOT, docsToken, Planted.HEALTHY));
    return new PlatformLog("github", "github", recordCount(), 0, cases, owners(), List.of());
  }

  private void day(LocalDate date) {
    String[] release = {"git.clone", "git.push", "repo.download_zip", "org.update_member"};
    for (int i = calls(2); i > 0; i--) {
      token(date, RELEASE_BOT, CLASSIC, releaseToken, release, "198.51.100.90", "curl/8.5.0");
    }
    if (!date.isBefore(docsIssued)) {
      String[] docs = {"git.clone", "git.push"};
      token(date, DOCS_BOT, FINE, docsToken, docs, "198.51.100.91", "git/2.45.1");
    }
    if (!weekend(date)) {
      String[] ci = {"git.clone", "workflows.completed_workflow_run"};
      record(date, CI_APP, ci[random.nextInt(ci.length)], "198.51.100.92", "GitHub Actions")
          .put("actor_is_bot", true);
      if (random.nextInt(4) == 0) {
        record(date, "ana-lima", "repo.update_member", "203.0.113.80", "Mozilla/5.0 Chrome/129.0");
      }
    }
  }

  private void token(
      LocalDate date,
      String actor,
      String type,
      String id,
      String[] actions,
      String ip,
      String agent) {
    ObjectNode record = record(date, actor, actions[random.nextInt(actions.length)], ip, agent);
    record.put("programmatic_access_type", type);
    record.put("token_id", Long.parseLong(id));
    record.put("hashed_token", hash(id));
  }

  private ObjectNode record(LocalDate date, String actor, String action, String ip, String agent) {
    Instant time = timeOn(date, 0, 24);
    ObjectNode record = object().put("@timestamp", time.toEpochMilli());
    record.put("_document_id", ids.hex(22)).put("action", action).put("actor", actor);
    record.put("actor_ip", ip).put("org", ORG);
    if (!action.startsWith("org.")) {
      record.put("repo", ORG + "/storefront");
    }
    record.put("user_agent", agent).put("created_at", time.toEpochMilli());
    record.put("operation_type", action.startsWith("git.") ? "access" : "modify");
    add(time, record);
    return record;
  }

  /** A stand-in for GitHub's base64 SHA-256 of the token, drawn at random (no token exists). */
  private String hash(String id) {
    byte[] bytes = new byte[32];
    new java.util.Random(Long.parseLong(id)).nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private List<OwnerRow> owners() {
    return List.of(
        new OwnerRow(
            releaseToken,
            "token",
            "github",
            RELEASE_BOT,
            "rui.costa@example.com",
            "release",
            "prod",
            daysBeforeEnd(742),
            null,
            List.of("repo", "workflow", "admin:org"),
            "release bot classic token"),
        new OwnerRow(
            docsToken,
            "token",
            "github",
            DOCS_BOT,
            "mei.tan@example.com",
            "docs",
            "prod",
            docsIssued,
            docsIssued.plusDays(90),
            List.of("contents:write"),
            "docs sync fine-grained token"),
        new OwnerRow(
            CI_APP,
            "app",
            "github",
            CI_APP,
            "lars.berg@example.com",
            "platform",
            "prod",
            null,
            null,
            List.of(),
            "CI GitHub App"));
  }
}
