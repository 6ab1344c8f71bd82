package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.ingest.support.Ingested;
import org.nhiaudit.inventory.Inventory;
import org.nhiaudit.inventory.InventoryLoader;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.usage.CredentialUsage;
import org.nhiaudit.usage.UsageAccumulator;

/**
 * A log record read by a platform's parser and the inventory entry its export gives for the same
 * credential must meet in {@link Subjects#join}: same credential id, same identity.
 */
class PlatformJoinTest {

  private static final String EMAIL = "loader@demo-proj.iam.gserviceaccount.com";
  private static final String KEY_ID = "0a1b2c3d4e5f60718293";

  @TempDir Path dir;

  @Test
  void aGcpCallMadeWithAKeyJoinsTheKeyListAndThePolicy() throws Exception {
    String entry =
        """
        {"logName": "projects/demo-proj/logs/cloudaudit.googleapis.com%%2Factivity",
         "timestamp": "2025-05-30T10:00:00Z",
         "resource": {"type": "gcs_bucket", "labels": {"project_id": "demo-proj"}},
         "protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
           "serviceName": "storage.googleapis.com", "methodName": "storage.objects.create",
           "resourceName": "projects/_/buckets/b/objects/o",
           "authenticationInfo": {"principalEmail": "%1$s",
             "serviceAccountKeyName":
               "//iam.googleapis.com/projects/demo-proj/serviceAccounts/%1$s/keys/%2$s"},
           "requestMetadata": {"callerIp": "198.51.100.4"}, "status": {}}}
        """
            .formatted(EMAIL, KEY_ID)
            .replace("\n", " ");
    write(
        "keys.json",
        """
        [{"name": "projects/demo-proj/serviceAccounts/%s/keys/%s",
          "validAfterTime": "2024-01-01T00:00:00Z", "keyType": "USER_MANAGED"}]
        """
            .formatted(EMAIL, KEY_ID));
    write(
        "policy.json",
        """
        {"bindings": [{"role": "roles/storage.admin", "members": ["serviceAccount:%s"]}]}
        """
            .formatted(EMAIL));

    Subject subject = joinOne(entry);

    assertThat(subject.usage()).isNotNull();
    assertThat(subject.credential()).as("key list entry").isNotNull();
    assertThat(subject.principal()).as("policy member").isNotNull();
    assertThat(subject.permissions().used()).containsExactly("roles/storage.admin");
  }

  @Test
  void aKubernetesCallJoinsTheServiceAccountAndItsRole() throws Exception {
    String event =
        """
        {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata",
         "auditID": "6f1e1f8a-0000-4000-8000-000000000001", "stage": "ResponseComplete",
         "requestURI": "/api/v1/namespaces/shop/configmaps/app", "verb": "get",
         "user": {"username": "system:serviceaccount:shop:api"},
         "sourceIPs": ["10.4.0.12"], "userAgent": "api/1.0",
         "objectRef": {"resource": "configmaps", "namespace": "shop", "name": "app"},
         "responseStatus": {"code": 200},
         "requestReceivedTimestamp": "2025-05-30T10:00:00.000000Z"}
        """
            .replace("\n", " ");
    write(
        "k8s.json",
        """
        {"kind": "List", "items": [
          {"kind": "ServiceAccount", "metadata": {"name": "api", "namespace": "shop",
            "annotations": {"owner": "shop@example.com"}}},
          {"kind": "Role", "metadata": {"name": "cfg", "namespace": "shop"},
           "rules": [{"resources": ["configmaps"], "verbs": ["get"]}]},
          {"kind": "RoleBinding", "metadata": {"name": "api-cfg", "namespace": "shop"},
           "roleRef": {"kind": "Role", "name": "cfg"},
           "subjects": [{"kind": "ServiceAccount", "name": "api", "namespace": "shop"}]}]}
        """);

    Subject subject = joinOne(event);

    assertThat(subject.credential()).isNotNull();
    assertThat(subject.owner()).isEqualTo("shop@example.com");
    assertThat(subject.permissions().used()).containsExactly("k8s:get configmaps");
    assertThat(subject.permissions().unused()).isEmpty();
  }

  @Test
  void aServiceAccountSeenThroughItsKeyIsNotAlsoReportedAsNeverUsed() throws Exception {
    String entry =
        """
        {"logName": "projects/demo-proj/logs/cloudaudit.googleapis.com%%2Fdata_access",
         "timestamp": "2025-05-30T10:00:00Z",
         "protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
           "serviceName": "bigquery.googleapis.com", "methodName": "jobservice.insert",
           "authenticationInfo": {"principalEmail": "%1$s",
             "serviceAccountKeyName":
               "//iam.googleapis.com/projects/demo-proj/serviceAccounts/%1$s/keys/%2$s"}}}
        """
            .formatted(EMAIL, KEY_ID)
            .replace("\n", " ");
    write(
        "accounts.json",
        """
        [{"email": "%s", "uniqueId": "1001"},
         {"email": "idle@demo-proj.iam.gserviceaccount.com", "uniqueId": "1002"}]
        """
            .formatted(EMAIL));

    List<Subject> subjects = join(entry);

    assertThat(subjects)
        .extracting(Subject::credentialId)
        .containsExactlyInAnyOrder(KEY_ID, "idle@demo-proj.iam.gserviceaccount.com");
  }

  private Subject joinOne(String record) {
    List<Subject> subjects = join(record);
    assertThat(subjects).hasSize(1);
    return subjects.get(0);
  }

  private List<Subject> join(String record) {
    Ingested read = Ingested.text("records.json", record + "\n");
    assertThat(read.rejections()).isEmpty();
    AccessEvent event = read.events().get(0);
    CredentialUsage usage = new UsageAccumulator().add(event.credential(), event).snapshot();
    Inventory inventory = InventoryLoader.load(List.of(dir));
    return Subjects.join(List.of(usage), inventory, true);
  }

  private void write(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content);
  }
}
