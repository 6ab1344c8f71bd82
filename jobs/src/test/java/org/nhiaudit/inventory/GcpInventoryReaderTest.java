package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.model.CredentialKind;

class GcpInventoryReaderTest {

  private static final String CI = "ci-runner@demo-proj.iam.gserviceaccount.com";
  private static final String WEB = "web@demo-proj.iam.gserviceaccount.com";

  private static final String KEYS =
      """
      [{"name": "projects/demo-proj/serviceAccounts/%1$s/keys/1f2e3d4c5b6a79880011",
        "validAfterTime": "2024-03-01T10:00:00Z", "validBeforeTime": "9999-12-31T23:59:59Z",
        "keyAlgorithm": "KEY_ALG_RSA_2048", "keyOrigin": "GOOGLE_PROVIDED",
        "keyType": "USER_MANAGED"},
       {"name": "projects/demo-proj/serviceAccounts/%1$s/keys/aa00bb11cc22dd33ee44",
        "validAfterTime": "2025-01-01T00:00:00Z", "validBeforeTime": "2025-07-01T00:00:00Z",
        "keyType": "USER_MANAGED", "disabled": true},
       {"name": "projects/demo-proj/serviceAccounts/%1$s/keys/5555aaaa5555aaaa5555",
        "validAfterTime": "2025-05-01T00:00:00Z", "validBeforeTime": "2027-05-01T00:00:00Z",
        "keyType": "SYSTEM_MANAGED"}]
      """
          .formatted(CI);

  private static final String ACCOUNTS =
      """
      [{"email": "%s", "name": "projects/demo-proj/serviceAccounts/%1$s",
        "displayName": "CI runner", "uniqueId": "104000000000000000001", "disabled": false},
       {"email": "%s", "name": "projects/demo-proj/serviceAccounts/%2$s",
        "uniqueId": "104000000000000000002", "disabled": true, "description": "old web"}]
      """
          .formatted(CI, WEB);

  private static final String POLICY =
      """
      {"bindings": [
        {"role": "roles/owner", "members": ["serviceAccount:%s", "user:ana@example.com"]},
        {"role": "roles/storage.objectViewer", "members": ["serviceAccount:%s"]}],
       "etag": "BwX1", "version": 1}
      """
          .formatted(CI, WEB);

  @TempDir Path dir;

  @Test
  void userManagedKeysBecomeCredentialsNamedByTheirBareKeyId() throws Exception {
    Inventory inventory = load("keys.json", KEYS);

    assertThat(inventory.credentials())
        .extracting(CredentialRecord::credential)
        .containsExactly("1f2e3d4c5b6a79880011", "aa00bb11cc22dd33ee44");
    CredentialRecord key = inventory.credential("1f2e3d4c5b6a79880011");
    assertThat(key.identity()).isEqualTo(CI);
    assertThat(key.kind()).isEqualTo(CredentialKind.ACCESS_KEY);
    assertThat(key.created()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    assertThat(key.expires()).as("9999-12-31 means never").isNull();
    assertThat(key.active()).isTrue();
    CredentialRecord disabled = inventory.credential("aa00bb11cc22dd33ee44");
    assertThat(disabled.active()).isFalse();
    assertThat(disabled.expires()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
    assertThat(inventory.inputs().get(0).kind())
        .isEqualTo(InventoryFileKind.GCP_SERVICE_ACCOUNT_KEYS);
  }

  @Test
  void accountsAreBothPrincipalsAndKeylessCredentials() throws Exception {
    Inventory inventory = load("accounts.json", ACCOUNTS);

    Principal ci = inventory.principal(CI);
    assertThat(ci.name()).isEqualTo("CI runner");
    assertThat(ci.account()).isEqualTo("demo-proj");
    assertThat(inventory.principal(WEB).name()).isEqualTo("web");
    assertThat(inventory.credential(CI).kind()).isEqualTo(CredentialKind.SERVICE_ACCOUNT);
    assertThat(inventory.credential(WEB).active()).isFalse();
  }

  @Test
  void policyBindingsGiveServiceAccountsTheirRolesAcrossFiles() throws Exception {
    write("a-accounts.json", ACCOUNTS);
    write("b-policy.json", POLICY);
    Inventory inventory = InventoryLoader.load(List.of(dir));

    assertThat(inventory.principal(CI).grants())
        .extracting(Grant::action)
        .containsExactly("roles/owner");
    assertThat(inventory.principal(WEB).grants())
        .extracting(Grant::action)
        .containsExactly("roles/storage.objectViewer");
    assertThat(inventory.principal("ana@example.com")).as("people are not read").isNull();
    assertThat(inventory.inputs())
        .extracting(InventoryInput::kind, InventoryInput::rows)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(InventoryFileKind.GCP_SERVICE_ACCOUNTS, 2),
            org.assertj.core.groups.Tuple.tuple(InventoryFileKind.GCP_IAM_POLICY, 2));
  }

  @Test
  void aKeyNameOfAnotherShapeIsAnErrorNamingTheEntry() throws Exception {
    String broken = KEYS.replace("projects/demo-proj/serviceAccounts/" + CI + "/keys/aa00", "k/");
    write("keys.json", broken);

    assertThatThrownBy(() -> InventoryLoader.load(List.of(dir)))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("keys.json")
        .hasMessageContaining("[1]")
        .hasMessageContaining("field 'name'");
  }

  @Test
  void anUnreadableValidityDateIsAnErrorNamingTheField() throws Exception {
    write("keys.json", KEYS.replace("2024-03-01T10:00:00Z", "March 2024"));

    assertThatThrownBy(() -> InventoryLoader.load(List.of(dir)))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("[0]")
        .hasMessageContaining("field 'validAfterTime'");
  }

  private Inventory load(String name, String content) throws Exception {
    write(name, content);
    return InventoryLoader.load(List.of(dir));
  }

  private void write(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content);
  }
}
