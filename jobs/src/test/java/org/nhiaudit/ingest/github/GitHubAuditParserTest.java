package org.nhiaudit.ingest.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.support.Ingested;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

class GitHubAuditParserTest {

  @Test
  void sentinelSampleMatchesItsDocumentedCounts() {
    Ingested all =
        Ingested.folder(Ingested.dataset("github-audit/azure-sentinel-github-sample-logs"));

    // SOURCE.md: 63 events of one personal account, all made in the web UI; the token events
    // there are token lifecycle actions (6 personal_access_token.create, 2 destroy, ...).
    assertThat(all.read()).isEqualTo(63);
    assertThat(all.events()).hasSize(63);
    assertThat(all.rejections()).isEmpty();
    assertThat(all.byClass()).containsExactlyEntriesOf(Map.of(ActorClass.HUMAN, 63L));
    assertThat(all.count(AccessEvent::action))
        .containsEntry("github:personal_access_token.create", 6L)
        .containsEntry("github:user.failed_login", 5L);
    assertThat(all.events())
        .filteredOn(e -> e.action().equals("github:personal_access_token.create"))
        .allSatisfy(e -> assertThat(e.resources()).anyMatch(r -> r.startsWith("token:")));
    assertThat(all.events())
        .filteredOn(e -> e.action().equals("github:user.failed_login"))
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.DENIED));
    // user.forgot_password has no actor, only user.
    assertThat(all.events()).allSatisfy(e -> assertThat(e.identity()).isNotNull());
    assertThat(all.events())
        .allSatisfy(
            e ->
                assertThat(e.time())
                    .isBetween(
                        Instant.ofEpochMilli(1701065905223L),
                        Instant.ofEpochMilli(1711431195806L)));
  }

  @Test
  void classicTokenCallIsNonHumanKeyedByTokenId() {
    String record =
        "{\"@timestamp\":1711431195806,\"action\":\"repo.download_zip\",\"actor\":\"ci-user\","
            + "\"org\":[\"acme\"],\"repo\":\"acme/api\",\"programmatic_access_type\":"
            + "\"Personal access token (classic)\",\"token_id\":9911,\"hashed_token\":\"abc=\","
            + "\"token_scopes\":\"repo\",\"actor_ip\":\"203.0.113.9\"}";
    AccessEvent e = Ingested.text("gh.json", record).single();
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.credential()).isEqualTo("9911");
    assertThat(e.credentialKind()).isEqualTo(CredentialKind.TOKEN);
    assertThat(e.account()).isEqualTo("acme");
    assertThat(e.resources()).containsExactly("acme/api");
    assertThat(e.sourceAddress()).isEqualTo("203.0.113.9");
    assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1711431195806L));
  }

  @Test
  void appTokenWithOnlyHashIsAnApp() {
    String record =
        "{\"created_at\":\"2024-02-01T10:00:00Z\",\"action\":\"git.clone\",\"actor\":\"deployer\","
            + "\"org\":12345,\"programmatic_access_type\":\"GitHub App server-to-server token\","
            + "\"hashed_token\":\"h4sh=\"}";
    AccessEvent e = Ingested.text("gh.json", record).single();
    assertThat(e.credential()).isEqualTo("h4sh=");
    assertThat(e.credentialKind()).isEqualTo(CredentialKind.APP);
    assertThat(e.account()).isEqualTo("12345");
  }

  @Test
  void botActorIsNonHuman() {
    String record =
        "{\"@timestamp\":1700000000000,\"action\":\"pull_request.create\","
            + "\"actor\":\"dependabot[bot]\",\"org\":\"acme\"}";
    AccessEvent e = Ingested.text("gh.json", record).single();
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.classificationRule()).isEqualTo("github.bot");
  }

  @Test
  void missingTimeIsRejectedNamingTheField() {
    String record = "{\"@timestamp\":null,\"action\":\"repo.create\",\"actor\":\"a\"}";
    assertThat(Ingested.text("gh.json", record).singleRejection()).contains("@timestamp");
  }

  @Test
  void missingActorIsRejectedNamingTheField() {
    String record = "{\"@timestamp\":1700000000000,\"action\":\"repo.create\",\"_document_id\":1}";
    assertThat(Ingested.text("gh.json", record).singleRejection()).contains("actor");
  }
}
