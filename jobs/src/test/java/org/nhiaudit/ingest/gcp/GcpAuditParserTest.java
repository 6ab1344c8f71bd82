package org.nhiaudit.ingest.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.support.Ingested;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

class GcpAuditParserTest {

  private static final String SA = "deploy@proj-1.iam.gserviceaccount.com";

  @Test
  void plasoExportMatchesItsDocumentedCounts() {
    Ingested all = Ingested.folder(Ingested.dataset("gcp-audit/plaso-gcp-logging"));

    // SOURCE.md: 11 entries, 9 audit and 2 non-audit; 8 user calls (7 plain, 1 delegated),
    // 1 service account call that got status.code 7.
    assertThat(all.read()).isEqualTo(11);
    assertThat(all.events()).hasSize(9);
    assertThat(all.filtered()).isEqualTo(2);
    assertThat(all.rejections()).isEmpty();
    assertThat(all.byClass())
        .containsExactlyInAnyOrderEntriesOf(Map.of(ActorClass.HUMAN, 8L, ActorClass.NON_HUMAN, 1L));
    AccessEvent sa =
        all.events().stream().filter(e -> e.actorClass() == ActorClass.NON_HUMAN).findFirst().get();
    assertThat(sa.identity()).isEqualTo("dvwa-service-account@ketchup.iam.gserviceaccount.com");
    assertThat(sa.credentialKind()).isEqualTo(CredentialKind.SERVICE_ACCOUNT);
    assertThat(sa.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(sa.errorCode()).isEqualTo("PERMISSION_DENIED");
    assertThat(sa.action())
        .isEqualTo("iam.googleapis.com:google.iam.admin.v1.CreateServiceAccount");
    assertThat(sa.identityType()).contains("delegated-by service-");
    assertThat(all.count(AccessEvent::outcome)).containsEntry("DENIED", 1L);
  }

  @Test
  void serviceAccountKeyIsTheCredential() {
    String auth =
        "\"principalEmail\":\""
            + SA
            + "\",\"serviceAccountKeyName\":\"//iam.googleapis.com/projects/proj-1/"
            + "serviceAccounts/"
            + SA
            + "/keys/0123abcd\"";
    AccessEvent e = Ingested.text("g.json", entry(auth, "")).single();
    assertThat(e.credential()).isEqualTo("0123abcd");
    assertThat(e.credentialKind()).isEqualTo(CredentialKind.ACCESS_KEY);
    assertThat(e.classificationRule()).isEqualTo("gcp.service-account-key");
    assertThat(e.account()).isEqualTo("proj-1");
    assertThat(e.sourceAddress()).isEqualTo("private");
    assertThat(e.resources()).containsExactly("projects/_/buckets/b1/objects/o1");
    assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
  }

  @Test
  void workloadIdentityWithoutEmailUsesTheSubject() {
    String subject =
        "principal://iam.googleapis.com/projects/42/locations/global/workloadIdentityPools/"
            + "gh/subject/repo:acme/app:ref:refs/heads/main";
    AccessEvent e =
        Ingested.text("g.json", entry("\"principalSubject\":\"" + subject + "\"", "")).single();
    assertThat(e.identity()).isEqualTo(subject);
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.classificationRule()).isEqualTo("gcp.workload-identity");
  }

  @Test
  void delegationWithoutEmailFallsBackToTheFirstAuthority() {
    String auth =
        "\"serviceAccountDelegationInfo\":[{\"firstPartyPrincipal\":{\"principalEmail\":\""
            + SA
            + "\"}}]";
    AccessEvent e = Ingested.text("g.json", entry(auth, "")).single();
    assertThat(e.identity()).isEqualTo(SA);
  }

  @Test
  void serviceAgentIsServiceAndOtherFailuresAreErrors() {
    String auth = "\"principalEmail\":\"service-123@gcp-sa-pubsub.iam.gserviceaccount.com\"";
    AccessEvent e = Ingested.text("g.json", entry(auth, ",\"status\":{\"code\":5}")).single();
    assertThat(e.actorClass()).isEqualTo(ActorClass.SERVICE);
    assertThat(e.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(e.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void missingPrincipalIsRejectedNamingTheField() {
    assertThat(Ingested.text("g.json", entry("", "")).singleRejection()).contains("principalEmail");
  }

  @Test
  void missingMethodIsRejected() {
    String record = entry("\"principalEmail\":\"a@b.com\"", "").replace("methodName", "method");
    assertThat(Ingested.text("g.json", record).singleRejection())
        .contains("protoPayload.methodName");
  }

  @Test
  void applicationLogEntryIsFiltered() {
    String record =
        "{\"logName\":\"projects/p/logs/app\",\"textPayload\":\"hello\","
            + "\"timestamp\":\"2024-01-01T00:00:00Z\"}";
    Ingested result = Ingested.text("g.json", record);
    assertThat(result.events()).isEmpty();
    assertThat(result.rejections()).isEmpty();
    assertThat(result.filtered()).isEqualTo(1);
  }

  private static String entry(String auth, String extra) {
    return "{\"logName\":\"projects/proj-1/logs/cloudaudit.googleapis.com%2Fdata_access\","
        + "\"timestamp\":\"2024-05-01T12:00:00.123456789Z\","
        + "\"resource\":{\"type\":\"gcs_bucket\",\"labels\":{\"location\":\"eu\"}},"
        + "\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\","
        + "\"serviceName\":\"storage.googleapis.com\",\"methodName\":\"storage.objects.get\","
        + "\"resourceName\":\"projects/_/buckets/b1/objects/o1\","
        + "\"authenticationInfo\":{"
        + auth
        + "},\"requestMetadata\":{\"callerIp\":\"private\"}"
        + extra
        + "}}";
  }
}
