package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.model.CredentialKind;

class KubernetesInventoryReaderTest {

  private static final String DEPLOYER = "system:serviceaccount:ci:deployer";
  private static final String API = "system:serviceaccount:shop:api";

  private static final String ACCOUNTS =
      """
      {"apiVersion": "v1", "kind": "ServiceAccountList", "items": [
        {"metadata": {"name": "deployer", "namespace": "ci",
          "creationTimestamp": "2025-02-03T04:05:06Z",
          "labels": {"team": "platform"},
          "annotations": {"example.com/owner": "ops@example.com",
            "kubectl.kubernetes.io/last-applied-configuration": "%s"}}},
        {"metadata": {"name": "api", "namespace": "shop"}}]}
      """
          .formatted("x".repeat(300));

  private static final String RBAC =
      """
      {"apiVersion": "v1", "kind": "List", "items": [
        {"kind": "ClusterRole", "metadata": {"name": "cluster-admin"},
         "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]},
                   {"nonResourceURLs": ["*"], "verbs": ["*"]}]},
        {"kind": "Role", "metadata": {"name": "reader", "namespace": "shop"},
         "rules": [{"apiGroups": [""], "resources": ["configmaps", "pods/log"],
                    "verbs": ["get", "list"]}]},
        {"kind": "ClusterRoleBinding", "metadata": {"name": "deployer-admin"},
         "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"},
         "subjects": [{"kind": "ServiceAccount", "name": "deployer", "namespace": "ci"},
                      {"kind": "Group", "name": "system:masters"}]},
        {"kind": "RoleBinding", "metadata": {"name": "api-reader", "namespace": "shop"},
         "roleRef": {"kind": "Role", "name": "reader"},
         "subjects": [{"kind": "ServiceAccount", "name": "api"}]},
        {"kind": "RoleBinding", "metadata": {"name": "api-missing", "namespace": "shop"},
         "roleRef": {"kind": "ClusterRole", "name": "not-exported"},
         "subjects": [{"kind": "ServiceAccount", "name": "api"}]}]}
      """;

  @TempDir Path dir;

  @Test
  void serviceAccountsAreNamedAsTheAuditLogNamesThemWithOwnersFromAnnotations() throws Exception {
    Inventory inventory = load(Map.of("accounts.json", ACCOUNTS));

    CredentialRecord deployer = inventory.credential(DEPLOYER);
    assertThat(deployer.kind()).isEqualTo(CredentialKind.SERVICE_ACCOUNT);
    assertThat(deployer.identity()).isEqualTo(DEPLOYER);
    assertThat(deployer.owner()).isEqualTo("ops@example.com");
    assertThat(deployer.team()).isEqualTo("platform");
    assertThat(deployer.created()).isEqualTo(Instant.parse("2025-02-03T04:05:06Z"));
    assertThat(inventory.principal(DEPLOYER).tags())
        .containsOnlyKeys("team", "owner")
        .as("long annotations are dropped");
    assertThat(inventory.credential(API).owner()).isNull();
    assertThat(inventory.inputs().get(0).kind()).isEqualTo(InventoryFileKind.KUBERNETES_OBJECTS);
  }

  @Test
  void rulesBecomeGrantsInTheAuditReadersActionForm() throws Exception {
    Inventory inventory = load(Map.of("a-accounts.json", ACCOUNTS, "b-rbac.json", RBAC));

    assertThat(inventory.principal(DEPLOYER).grants())
        .extracting(Grant::action, Grant::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("k8s:* *", "ClusterRole/cluster-admin"));
    assertThat(inventory.principal(API).grants())
        .extracting(Grant::action)
        .containsExactly(
            "k8s:get configmaps", "k8s:get pods", "k8s:list configmaps", "k8s:list pods");
    assertThat(inventory.notExpanded(API)).containsExactly("ClusterRole/not-exported");
  }

  @Test
  void clusterAdminIsAdministrativeAndTheReaderRoleCoversTheCallsItAllows() throws Exception {
    Inventory inventory = load(Map.of("a-accounts.json", ACCOUNTS, "b-rbac.json", RBAC));

    PermissionUse admin =
        PermissionAnalyzer.analyze(
            inventory.principal(DEPLOYER).grants(), Map.of("k8s:create deployments", 3L));
    PermissionUse reader =
        PermissionAnalyzer.analyze(
            inventory.principal(API).grants(),
            Map.of("k8s:get configmaps", 5L, "k8s:delete pods", 1L));

    assertThat(admin.administrative()).containsExactly("k8s:* *");
    assertThat(admin.unused()).isEmpty();
    assertThat(reader.administrative()).isEmpty();
    assertThat(reader.used()).containsExactly("k8s:get configmaps");
    assertThat(reader.ungranted()).containsExactly("k8s:delete pods");
  }

  @Test
  void aClusterBindingToAnAccountWithoutNamespaceIsAnErrorNamingTheSubject() throws Exception {
    String broken = RBAC.replace(", \"namespace\": \"ci\"}", "}");

    assertThatThrownBy(() -> load(Map.of("rbac.json", broken)))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("rbac.json")
        .hasMessageContaining("items[2].subjects[0]")
        .hasMessageContaining("field 'namespace'");
  }

  private Inventory load(Map<String, String> files) throws Exception {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    return InventoryLoader.load(List.of(dir));
  }
}
