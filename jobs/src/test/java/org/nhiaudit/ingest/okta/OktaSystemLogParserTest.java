package org.nhiaudit.ingest.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.support.Ingested;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

/** No public Okta sample exists, so these records are written from the System Log schema. */
class OktaSystemLogParserTest {

  @Test
  void apiTokenCallIsNonHumanKeyedByTheTokenId() {
    String extra =
        ",\"transaction\":{\"type\":\"WEB\",\"id\":\"t1\","
            + "\"detail\":{\"requestApiTokenId\":\"00T1abcd\"}}";
    AccessEvent e =
        Ingested.text("okta.json", "[" + event("User", "SUCCESS", null, extra) + "]").single();
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.classificationRule()).isEqualTo("okta.api-token");
    assertThat(e.credential()).isEqualTo("00T1abcd");
    assertThat(e.credentialKind()).isEqualTo(CredentialKind.TOKEN);
    assertThat(e.identity()).isEqualTo("admin@example.com");
    assertThat(e.action()).isEqualTo("okta:user.lifecycle.deactivate");
    assertThat(e.sourceAddress()).isEqualTo("192.0.2.10");
    assertThat(e.userAgent()).isEqualTo("okta-sdk-python/2.9");
    assertThat(e.resources()).containsExactly("User:bob@example.com");
    assertThat(e.time()).isEqualTo(Instant.parse("2024-04-02T11:22:33.444Z"));
  }

  @Test
  void oauthServiceClientIsNonHuman() {
    AccessEvent e =
        Ingested.text("okta.json", event("PublicClientApp", "SUCCESS", null, "")).single();
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.credential()).isEqualTo("actor-1");
    assertThat(e.credentialKind()).isEqualTo(CredentialKind.APP);
  }

  @Test
  void userWebSessionIsHumanAndSystemIsService() {
    assertThat(Ingested.text("o.json", event("User", "SUCCESS", null, "")).single().actorClass())
        .isEqualTo(ActorClass.HUMAN);
    assertThat(
            Ingested.text("o.json", event("SystemPrincipal", "SUCCESS", null, ""))
                .single()
                .actorClass())
        .isEqualTo(ActorClass.SERVICE);
  }

  @Test
  void denyAndFailureOutcomes() {
    AccessEvent deny = Ingested.text("o.json", event("User", "DENY", "Policy", "")).single();
    assertThat(deny.outcome()).isEqualTo(Outcome.DENIED);
    AccessEvent badKey =
        Ingested.text("o.json", event("User", "FAILURE", "INVALID_CREDENTIALS", "")).single();
    assertThat(badKey.outcome()).isEqualTo(Outcome.DENIED);
    AccessEvent other =
        Ingested.text("o.json", event("User", "FAILURE", "RATE_LIMIT", "")).single();
    assertThat(other.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(other.errorCode()).isEqualTo("RATE_LIMIT");
  }

  @Test
  void actorWithoutIdIsRejectedNamingTheField() {
    String record =
        "{\"uuid\":\"u\",\"published\":\"2024-04-02T11:22:33.444Z\",\"eventType\":\"x.y\","
            + "\"actor\":{\"type\":\"User\"}}";
    assertThat(Ingested.text("o.json", record).singleRejection()).contains("actor.alternateId");
  }

  private static String event(String actorType, String result, String reason, String extra) {
    return "{\"uuid\":\"e-1\",\"published\":\"2024-04-02T11:22:33.444Z\","
        + "\"eventType\":\"user.lifecycle.deactivate\",\"severity\":\"INFO\","
        + "\"actor\":{\"id\":\"actor-1\",\"type\":\""
        + actorType
        + "\",\"alternateId\":\"admin@example.com\"},"
        + "\"client\":{\"ipAddress\":\"192.0.2.10\","
        + "\"userAgent\":{\"rawUserAgent\":\"okta-sdk-python/2.9\"}},"
        + "\"outcome\":{\"result\":\""
        + result
        + "\""
        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
        + "},\"target\":[{\"id\":\"00u2\",\"type\":\"User\",\"alternateId\":\"bob@example.com\"}]"
        + extra
        + "}";
  }
}
