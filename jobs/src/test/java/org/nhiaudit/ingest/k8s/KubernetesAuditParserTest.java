package org.nhiaudit.ingest.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.support.Ingested;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

class KubernetesAuditParserTest {

  private static final String SA = "system:serviceaccount:kube-system:replicaset-controller";

  @Test
  void falcoTraceFilesMatchTheirDocumentedCounts() {
    Ingested all = Ingested.folder(Ingested.dataset("k8s-audit/falco-k8s-audit-trace-files"));

    // SOURCE.md: 47 files, 51 events plus one {"kind": 0}; 49 ResponseComplete, 2 ResponseStarted.
    assertThat(all.summaries()).hasSize(47);
    assertThat(all.read()).isEqualTo(52);
    assertThat(all.events()).hasSize(49);
    assertThat(all.filtered()).isEqualTo(2);
    assertThat(all.rejections()).hasSize(1);
    assertThat(all.rejections().get(0).origin().path()).endsWith("fal_01_003.json");
    // minikube-user 36 (two of them the exec/attach ResponseStarted records), admin, some-user
    // and system:anonymous; 10 replicaset-controller; node and controller-manager.
    assertThat(all.byClass())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ActorClass.HUMAN, 37L, ActorClass.NON_HUMAN, 10L, ActorClass.SERVICE, 2L));
    assertThat(all.count(AccessEvent::credential)).containsEntry(SA, 10L);
    assertThat(all.events())
        .filteredOn(e -> e.actorClass() == ActorClass.NON_HUMAN)
        .allSatisfy(e -> assertThat(e.credentialKind()).isEqualTo(CredentialKind.SERVICE_ACCOUNT));
    assertThat(all.events()).allSatisfy(e -> assertThat(e.time()).isNotNull());
    assertThat(all.events()).allSatisfy(e -> assertThat(e.action()).startsWith("k8s:"));
    assertThat(all.events().toString()).doesNotContain("aws_secret_access_key");
  }

  @Test
  void serviceAccountCallIsNonHuman() {
    AccessEvent e = Ingested.text("a.json", event(SA, "ResponseComplete", 201, "")).single();
    assertThat(e.identity()).isEqualTo(SA);
    assertThat(e.credential()).isEqualTo(SA);
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.classificationRule()).isEqualTo("k8s.serviceaccount");
    assertThat(e.action()).isEqualTo("k8s:create pods");
    assertThat(e.resources()).containsExactly("namespaces/default/pods/web-1/exec");
    assertThat(e.sourceAddress()).isEqualTo("10.0.0.7");
    assertThat(e.userAgent()).isEqualTo("kubectl/v1.29");
    assertThat(e.time()).isEqualTo(Instant.parse("2024-03-01T10:00:00.5Z"));
    assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(e.provider()).isEqualTo("k8s");
  }

  @Test
  void forbiddenIsDeniedAndOtherFailuresAreErrors() {
    AccessEvent denied = Ingested.text("a.json", event("bob", null, 403, "")).single();
    assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(denied.errorCode()).isEqualTo("403");
    assertThat(denied.actorClass()).isEqualTo(ActorClass.HUMAN);
    AccessEvent missing = Ingested.text("a.json", event("bob", null, 404, "")).single();
    assertThat(missing.outcome()).isEqualTo(Outcome.ERROR);
  }

  @Test
  void impersonatedIdentityActsAndTheImpersonatorIsNoted() {
    String extra = ",\"impersonatedUser\":{\"username\":\"" + SA + "\"}";
    AccessEvent e = Ingested.text("a.json", event("alice", null, 200, extra)).single();
    assertThat(e.identity()).isEqualTo(SA);
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.identityType()).isEqualTo("serviceaccount impersonated-by alice");
  }

  @Test
  void earlierStagesAreFilteredWithTheReason() {
    Ingested result = Ingested.text("a.json", event(SA, "RequestReceived", 200, ""));
    assertThat(result.events()).isEmpty();
    assertThat(result.rejections()).isEmpty();
    assertThat(result.filtered()).isEqualTo(1);
  }

  @Test
  void platformUsersAreService() {
    for (String user : List.of("system:node:n1", "system:kube-scheduler", "system:apiserver")) {
      AccessEvent e = Ingested.text("a.json", event(user, null, 200, "")).single();
      assertThat(e.actorClass()).as(user).isEqualTo(ActorClass.SERVICE);
    }
  }

  @Test
  void missingUserNameIsRejectedNamingTheField() {
    String record =
        "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"auditID\":\"x\",\"verb\":\"get\","
            + "\"requestURI\":\"/healthz\",\"requestReceivedTimestamp\":\"2024-03-01T10:00:00Z\"}";
    assertThat(Ingested.text("a.json", record).singleRejection()).contains("user.username");
  }

  @Test
  void nonResourceRequestUsesThePath() {
    String record =
        "{\"kind\":\"Event\",\"auditID\":\"x\",\"verb\":\"get\",\"user\":{\"username\":\"ann\"},"
            + "\"requestURI\":\"/version?timeout=32s\",\"stage\":\"ResponseComplete\","
            + "\"requestReceivedTimestamp\":\"2024-03-01T10:00:00Z\"}";
    AccessEvent e = Ingested.text("a.json", record).single();
    assertThat(e.action()).isEqualTo("k8s:get /version");
  }

  @Test
  void aksRecordWithTheEventAsText() {
    String inner = event(SA, "ResponseComplete", 201, "").replace("\"", "\\\"");
    String record =
        "{\"category\":\"kube-audit\",\"resourceId\":\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/"
            + "PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/C1\","
            + "\"properties\":{\"log\":\""
            + inner
            + "\",\"stream\":\"stdout\"}}";
    AccessEvent e = Ingested.text("aks.json", record).single();
    assertThat(e.identity()).isEqualTo(SA);
    assertThat(e.account()).endsWith("MANAGEDCLUSTERS/C1");
  }

  @Test
  void aksRecordWithTheEventAsObject() {
    String record =
        "{\"category\":\"kube-audit-admin\",\"properties\":{\"log\":"
            + event("carol", "ResponseComplete", 200, "")
            + "}}";
    assertThat(Ingested.text("aks.json", record).single().identity()).isEqualTo("carol");
  }

  @Test
  void gkeEntryIsReadFromTheProtoPayload() {
    String record =
        "{\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\","
            + "\"serviceName\":\"k8s.io\",\"methodName\":\"io.k8s.core.v1.secrets.get\","
            + "\"resourceName\":\"core/v1/namespaces/prod/secrets/db\","
            + "\"authenticationInfo\":{\"principalEmail\":\"system:serviceaccount:prod:app\"},"
            + "\"requestMetadata\":{\"callerIp\":\"10.1.2.3\"},\"status\":{\"code\":7}},"
            + "\"resource\":{\"type\":\"k8s_cluster\",\"labels\":{\"project_id\":\"p1\","
            + "\"cluster_name\":\"c1\",\"location\":\"europe-west1\"}},"
            + "\"timestamp\":\"2024-03-01T10:00:00.123456Z\"}";
    AccessEvent e = Ingested.text("gke.json", record).single();
    assertThat(e.action()).isEqualTo("k8s:get secrets");
    assertThat(e.resources()).containsExactly("namespaces/prod/secrets/db");
    assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(e.account()).isEqualTo("p1/c1");
    assertThat(e.region()).isEqualTo("europe-west1");
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
  }

  private static String event(String user, String stage, int code, String extra) {
    return "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\","
        + "\"auditID\":\"1\","
        + (stage == null ? "" : "\"stage\":\"" + stage + "\",")
        + "\"requestURI\":\"/api/v1/namespaces/default/pods/web-1/exec\",\"verb\":\"create\","
        + "\"user\":{\"username\":\""
        + user
        + "\",\"groups\":[\"system:authenticated\"]},\"sourceIPs\":[\"10.0.0.7\",\"10.0.0.8\"],"
        + "\"userAgent\":\"kubectl/v1.29\",\"objectRef\":{\"resource\":\"pods\","
        + "\"namespace\":\"default\",\"name\":\"web-1\",\"subresource\":\"exec\"},"
        + "\"responseStatus\":{\"metadata\":{},\"code\":"
        + code
        + "},\"requestReceivedTimestamp\":\"2024-03-01T10:00:00.5Z\""
        + extra
        + "}";
  }
}
