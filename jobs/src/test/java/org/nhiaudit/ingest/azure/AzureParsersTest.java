package org.nhiaudit.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.support.Ingested;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

class AzureParsersTest {

  @Test
  void activityLogSdkShapeMatchesItsDocumentedCounts() {
    Ingested all = Ingested.folder(Ingested.dataset("azure-activity/plaso-azure-activity-log"));

    // SOURCE.md: 4 events; the virtualMachines pair by a user e-mail, the disks pair by an app
    // (claims.idtyp "app").
    assertThat(all.events()).hasSize(4);
    assertThat(all.rejections()).isEmpty();
    assertThat(all.byClass())
        .containsExactlyInAnyOrderEntriesOf(Map.of(ActorClass.HUMAN, 2L, ActorClass.NON_HUMAN, 2L));
    assertThat(all.events())
        .filteredOn(e -> e.action().startsWith("Microsoft.Compute/disks/"))
        .allSatisfy(
            e -> {
              assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
              assertThat(e.credentialKind()).isEqualTo(CredentialKind.APP);
            });
    assertThat(all.events())
        .filteredOn(e -> e.actorClass() == ActorClass.HUMAN)
        .allSatisfy(e -> assertThat(e.identity()).isEqualTo("fakeemail@fakedomain.com"));
    assertThat(all.events()).allSatisfy(e -> assertThat(e.sourceAddress()).isEqualTo("1.2.3.4"));
  }

  @Test
  void servicePrincipalSignInsMatchTheirDocumentedCounts() {
    Ingested all =
        Ingested.folder(Ingested.dataset("azure-entra/elastic-integrations-sp-signin-sample"));

    // SOURCE.md: 7 sign-ins of one service principal with one credential key, all succeeded;
    // 6 to Windows Azure Service Management API, 1 to Windows Azure Active Directory.
    assertThat(all.events()).hasSize(7);
    assertThat(all.rejections()).isEmpty();
    assertThat(all.byClass()).containsExactlyEntriesOf(Map.of(ActorClass.NON_HUMAN, 7L));
    assertThat(all.count(AccessEvent::credential))
        .containsExactlyEntriesOf(Map.of("dbcd79c0-c3ea-46b9-9604-ff40d43b8618", 7L));
    assertThat(all.count(e -> e.resources().get(0)))
        .containsEntry("Windows Azure Service Management API", 6L)
        .containsEntry("Windows Azure Active Directory", 1L);
    assertThat(all.events()).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS));
    assertThat(all.events()).allSatisfy(e -> assertThat(e.identity()).startsWith("b029d485-"));
  }

  @Test
  void entraAuditTableExportMatchesItsDocumentedCounts() {
    Ingested all =
        Ingested.folder(Ingested.dataset("azure-entra/otrf-simuland-goldensaml-aad-audit"));

    // SOURCE.md: 4 ApplicationManagement events by pgustavo@simulandlabs.com; the secret
    // SimuLandCreds added to SimuLandApp appears twice.
    assertThat(all.events()).hasSize(4);
    assertThat(all.rejections()).isEmpty();
    assertThat(all.byClass()).containsExactlyEntriesOf(Map.of(ActorClass.HUMAN, 4L));
    assertThat(all.events())
        .allSatisfy(e -> assertThat(e.identity()).isEqualTo("pgustavo@simulandlabs.com"));
    assertThat(all.events())
        .filteredOn(e -> e.resources().stream().anyMatch(r -> r.startsWith("credential:")))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.resources()).contains("Application/SimuLandApp"));
    assertThat(all.events())
        .allSatisfy(e -> assertThat(e.userAgent()).contains("WindowsPowerShell"));
    assertThat(all.count(AccessEvent::action)).containsKey("entra:Add delegated permission grant");
  }

  @Test
  void expiredSecretSignInIsDeniedAndKeepsTheKeyId() {
    String record =
        "{\"time\":\"2024-01-02T03:04:05Z\",\"category\":\"ServicePrincipalSignInLogs\","
            + "\"tenantId\":\"t1\",\"callerIpAddress\":\"198.51.100.4\",\"properties\":{"
            + "\"createdDateTime\":\"2024-01-02T03:04:05.1234567+00:00\",\"appId\":\"app-1\","
            + "\"servicePrincipalId\":\"sp-1\",\"servicePrincipalCredentialKeyId\":\"key-1\","
            + "\"clientCredentialType\":\"clientSecret\",\"status\":{\"errorCode\":7000222}}}";
    AccessEvent e = Ingested.text("s.json", record).single();
    assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(e.errorCode()).isEqualTo("7000222");
    assertThat(e.credential()).isEqualTo("key-1");
    assertThat(e.credentialKind()).isEqualTo(CredentialKind.ACCESS_KEY);
    assertThat(e.account()).isEqualTo("t1");
  }

  @Test
  void managedIdentitySignInIsNonHuman() {
    String record =
        "{\"time\":\"2024-01-02T03:04:05Z\",\"category\":\"ManagedIdentitySignInLogs\","
            + "\"properties\":{\"servicePrincipalId\":\"mi-1\",\"status\":{\"errorCode\":0}}}";
    AccessEvent e = Ingested.text("s.json", record).single();
    assertThat(e.classificationRule()).isEqualTo("entra.managed-identity-signin");
    assertThat(e.credentialKind()).isEqualTo(CredentialKind.SERVICE_ACCOUNT);
  }

  @Test
  void signInWithoutPrincipalIsRejectedNamingTheField() {
    String record =
        "{\"time\":\"2024-01-02T03:04:05Z\",\"category\":\"ServicePrincipalSignInLogs\","
            + "\"properties\":{\"status\":{\"errorCode\":0}}}";
    assertThat(Ingested.text("s.json", record).singleRejection()).contains("servicePrincipalId");
  }

  @Test
  void diagnosticActivityRecordWithManagedIdentityAndForbidden() {
    String record =
        "{\"time\":\"2024-01-02T03:04:05Z\",\"resourceId\":\"/SUBSCRIPTIONS/SUB-9/RESOURCEGROUPS/"
            + "RG/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV\",\"operationName\":"
            + "\"MICROSOFT.KEYVAULT/VAULTS/WRITE\",\"category\":\"Administrative\","
            + "\"resultType\":\"Failure\",\"resultSignature\":\"Forbidden\","
            + "\"callerIpAddress\":\"10.0.0.1\",\"identity\":{\"claims\":{\"appid\":\"a1\","
            + "\"idtyp\":\"app\",\"xms_mirid\":\"/subscriptions/sub-9/resourcegroups/rg/providers/"
            + "Microsoft.ManagedIdentity/userAssignedIdentities/uami\"}}}";
    AccessEvent e = Ingested.text("a.json", record).single();
    assertThat(e.classificationRule()).isEqualTo("azure.managed-identity");
    assertThat(e.identity()).endsWith("userAssignedIdentities/uami");
    assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(e.account()).isEqualTo("SUB-9");
  }

  @Test
  void diagnosticEntraAuditByAnAppIsNonHuman() {
    String record =
        "{\"time\":\"2024-01-02T03:04:05Z\",\"category\":\"AuditLogs\",\"tenantId\":\"t1\","
            + "\"properties\":{\"activityDisplayName\":\"Add service principal credentials\","
            + "\"activityDateTime\":\"2024-01-02T03:04:05Z\",\"result\":\"failure\","
            + "\"resultReason\":\"Insufficient privileges to complete the operation\","
            + "\"initiatedBy\":{\"app\":{\"appId\":\"automation-app\",\"displayName\":\"Bot\"}},"
            + "\"targetResources\":[{\"type\":\"ServicePrincipal\",\"displayName\":\"Payroll\"}]}}";
    AccessEvent e = Ingested.text("a.json", record).single();
    assertThat(e.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(e.credential()).isEqualTo("automation-app");
    assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(e.resources()).containsExactly("ServicePrincipal/Payroll");
  }

  @Test
  void entraAuditWithoutInitiatorIsRejected() {
    String record =
        "{\"category\":\"AuditLogs\",\"properties\":{\"activityDisplayName\":\"Update user\","
            + "\"activityDateTime\":\"2024-01-02T03:04:05Z\",\"initiatedBy\":{}}}";
    assertThat(Ingested.text("a.json", record).singleRejection()).contains("initiatedBy");
  }
}
