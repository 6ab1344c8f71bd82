package org.nhiaudit.ingest.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.support.Ingested;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

class GenericEventParserTest {

  private static final String HEADER =
      "time,provider,account,identity,identity_type,credential,credential_kind,action,"
          + "resources,source_address,user_agent,outcome,error_code,region,actor_class\n";

  @Test
  void jsonLineWithMarkerBecomesAnEvent() {
    String line =
        "{\"nhi_audit_event\":1,\"time\":\"2024-06-01T08:00:00Z\",\"provider\":\"vault\","
            + "\"account\":\"prod\",\"identity\":\"approle/ci\",\"credential\":\"accessor-1\","
            + "\"credential_kind\":\"token\",\"action\":\"vault:read\","
            + "\"resources\":[\"secret/db\",\"secret/api\"],\"outcome\":\"denied\","
            + "\"error_code\":\"permission denied\",\"actor_class\":\"non_human\"}";
    AccessEvent e = Ingested.text("x.jsonl", line).single();
    assertThat(e.provider()).isEqualTo("vault");
    assertThat(e.credentialKind()).isEqualTo(CredentialKind.TOKEN);
    assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(e.resources()).containsExactly("secret/db", "secret/api");
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.classificationRule()).isEqualTo("generic.declared");
  }

  @Test
  void missingRequiredFieldIsRejectedByName() {
    String line =
        "{\"nhi_audit_event\":1,\"time\":\"2024-06-01T08:00:00Z\",\"identity\":\"a\","
            + "\"action\":\"x:y\",\"actor_class\":\"human\"}";
    assertThat(Ingested.text("x.jsonl", line).singleRejection()).contains("provider");
  }

  @Test
  void unknownActorClassIsRejected() {
    String line =
        "{\"nhi_audit_event\":1,\"time\":\"2024-06-01T08:00:00Z\",\"provider\":\"p\","
            + "\"identity\":\"a\",\"action\":\"x:y\",\"actor_class\":\"robot\"}";
    assertThat(Ingested.text("x.jsonl", line).singleRejection()).contains("actor_class");
  }

  @Test
  void csvRowsAreRecordsWithTheirLineNumbers() {
    String csv =
        HEADER
            + "2024-06-01T08:00:00Z,jenkins,main,svc-build,,key-7,access_key,jenkins:run,"
            + "job/a;job/b,10.0.0.2,curl/8,success,,,non-human\n"
            + "1717228800000,jenkins,main,alice,,,,jenkins:login,,,,error,bad-password,,human\n";
    Ingested result = Ingested.text("export.csv", csv);
    assertThat(result.rejections()).isEmpty();
    assertThat(result.events()).hasSize(2);
    AccessEvent first = result.events().get(0);
    assertThat(first.origin().line()).isEqualTo(2);
    assertThat(first.resources()).containsExactly("job/a", "job/b");
    assertThat(first.credentialKind()).isEqualTo(CredentialKind.ACCESS_KEY);
    assertThat(first.identityType()).isNull();
    AccessEvent second = result.events().get(1);
    assertThat(second.origin().line()).isEqualTo(3);
    assertThat(second.time()).isEqualTo(Instant.ofEpochMilli(1717228800000L));
    assertThat(second.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(result.summaries().get(0).formats()).containsExactly("generic");
  }

  @Test
  void malformedCsvRowIsRejectedAndReadingGoesOn() {
    String csv =
        HEADER
            + "2024-06-01T08:00:00Z,jenkins,main,svc-build\n"
            + "2024-06-01T08:00:00Z,jenkins,main,svc,,,,jenkins:run,,,,,,,non_human\n";
    Ingested result = Ingested.text("export.csv", csv);
    assertThat(result.rejections()).hasSize(1);
    assertThat(result.rejections().get(0).origin().line()).isEqualTo(2);
    assertThat(result.rejections().get(0).reason()).contains("4 fields").contains("15");
    assertThat(result.events()).hasSize(1);
    assertThat(result.summaries().get(0).read()).isEqualTo(2);
  }

  @Test
  void csvIsRecognisedByItsHeaderWithoutTheExtension() {
    String csv = HEADER + "2024-06-01T08:00:00Z,p,a,svc,,,,p:x,,,,,,,service\n";
    assertThat(Ingested.text("export.txt", csv).single().actorClass())
        .isEqualTo(ActorClass.SERVICE);
  }

  @Test
  void csvWithoutTheRequiredColumnsIsUnrecognised() {
    String csv = "when,who\n2024-06-01,alice\n";
    assertThat(Ingested.text("other.csv", csv).singleRejection()).contains("not a known");
  }
}
