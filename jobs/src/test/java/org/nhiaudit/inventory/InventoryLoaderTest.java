package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

class InventoryLoaderTest {

  private static final String BOT = "arn:aws:iam::123456789012:user/bot";
  private static final String DUO = "arn:aws:iam::123456789012:user/duo";
  private static final String SOLO = "arn:aws:iam::123456789012:user/solo";
  private static final String CI_ROLE = "arn:aws:iam::123456789012:role/ci";

  private static final String GAAD =
      """
      {"UserDetailList": [
        {"UserName": "bot", "Arn": "%s", "Tags": [{"Key": "owner", "Value": "tag-owner"},
          {"Key": "team", "Value": "tag-team"}]},
        {"UserName": "duo", "Arn": "%s"}],
       "RoleDetailList": [
        {"RoleName": "ci", "Path": "/", "Arn": "%s",
         "Tags": [{"Key": "Owner", "Value": "role-tag-owner"}]}]}
      """
          .formatted(BOT, DUO, CI_ROLE);

  private static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
          + "access_key_1_last_used_date,access_key_1_last_used_region,"
          + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          + "access_key_2_last_used_date,access_key_2_last_used_region,"
          + "access_key_2_last_used_service\n";

  /**
   * bot: two keys told apart by creation second; duo: a human whose second slot was rotated at a
   * time no listed key has, the only active key binds to slot 1; solo: not in the key list.
   */
  private static final String REPORT =
      HEADER
          + "bot,"
          + BOT
          + ",2021-01-01T00:00:00Z,false,N/A,N/A,N/A,false,"
          + "true,2021-02-01T00:00:00+00:00,2024-01-05T00:00:00+00:00,us-east-1,s3,"
          + "true,2021-03-01T00:00:00+00:00,N/A,N/A,N/A\n"
          + "duo,"
          + DUO
          + ",2021-01-01T00:00:00Z,true,2024-01-01T00:00:00Z,N/A,N/A,true,"
          + "true,2022-02-02T00:00:00Z,N/A,N/A,N/A,false,2022-03-03T00:00:00Z,N/A,N/A,N/A\n"
          + "solo,"
          + SOLO
          + ",2021-01-01T00:00:00Z,false,N/A,N/A,N/A,false,"
          + "true,2023-01-01T00:00:00Z,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A";

  private static final String KEYS =
      """
      [{"AccessKeyMetadata": [
         {"UserName": "bot", "AccessKeyId": "AKIABOTSECOND000002", "Status": "Active",
          "CreateDate": "2021-03-01T00:00:00Z"},
         {"UserName": "bot", "AccessKeyId": "AKIABOTFIRST0000001", "Status": "Active",
          "CreateDate": "2021-02-01T00:00:00.400Z"}]},
       {"AccessKeyMetadata": [
         {"UserName": "duo", "AccessKeyId": "AKIADUOONLY00000001", "Status": "Active",
          "CreateDate": "2022-02-02T00:00:00Z"},
         {"UserName": "ghost", "AccessKeyId": "AKIAGHOST0000000001", "Status": "Inactive"}]}]
      """;

  private static final String YAML =
      """
      credentials:
        - id: %s
          owner: row-owner
          environment: staging
        - id: AKIABOTFIRST0000001
          kind: access_key
          owner: key-owner
          expires: 2026-01-01
        - id: %s
          team: platform
        - id: sa@proj.iam.gserviceaccount.com
          kind: service_account
          provider: gcp
          scopes: [cloud-platform]
      """
          .formatted(BOT, CI_ROLE);

  private static Path write(Path dir, String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private Inventory loadAll(Path dir) throws Exception {
    write(dir, "aws/gaad.json", GAAD);
    write(dir, "aws/report.csv", REPORT);
    write(dir, "aws/keys/list.json", KEYS);
    write(dir, "owners.yml", YAML);
    write(dir, "notes.txt", "nothing to see");
    write(dir, ".hidden/gaad.json", GAAD.replace("bot", "other"));
    return InventoryLoader.load(List.of(dir));
  }

  @Test
  void detectsFilesByContentAndListsTheRest(@TempDir Path dir) throws Exception {
    Inventory inventory = loadAll(dir);

    assertThat(inventory.inputs())
        .extracting(InventoryInput::kind, InventoryInput::rows)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(InventoryFileKind.AWS_AUTHORIZATION_DETAILS, 3),
            org.assertj.core.groups.Tuple.tuple(InventoryFileKind.AWS_CREDENTIAL_REPORT, 3),
            org.assertj.core.groups.Tuple.tuple(InventoryFileKind.AWS_ACCESS_KEYS, 4),
            org.assertj.core.groups.Tuple.tuple(InventoryFileKind.GENERIC_YAML, 4));
    assertThat(inventory.skipped()).containsExactly(dir.resolve("notes.txt").toString());
    assertThat(inventory.inputs().get(0).sha256()).hasSize(64).matches("[0-9a-f]+");
    assertThat(inventory.principal("arn:aws:iam::123456789012:user/other")).isNull();
  }

  @Test
  void bindsReportSlotsToRealKeyIds(@TempDir Path dir) throws Exception {
    Inventory inventory = loadAll(dir);

    CredentialRecord first = inventory.credential("AKIABOTFIRST0000001");
    assertThat(first.identity()).isEqualTo(BOT);
    assertThat(first.lastUsed()).isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
    assertThat(inventory.credential("AKIABOTSECOND000002").lastUsed()).isNull();
    assertThat(inventory.credential(BOT + "#access_key_1")).isNull();

    assertThat(inventory.credential("AKIADUOONLY00000001").identity()).isEqualTo(DUO);
    assertThat(inventory.credential(DUO + "#access_key_2")).isNotNull();
    assertThat(inventory.credential(SOLO + "#access_key_1").active()).isTrue();

    CredentialRecord ghost = inventory.credential("AKIAGHOST0000000001");
    assertThat(ghost.identity()).isEqualTo("ghost");
    assertThat(ghost.active()).isFalse();

    assertThat(inventory.credentialsOf(BOT))
        .extracting(CredentialRecord::credential)
        .containsExactly("AKIABOTFIRST0000001", "AKIABOTSECOND000002");
  }

  @Test
  void reportMarksPasswordUsersHumanButKeepsTheirKeysNonHuman(@TempDir Path dir) throws Exception {
    Inventory inventory = loadAll(dir);

    assertThat(inventory.principal(DUO).actorClass()).isEqualTo(ActorClass.HUMAN);
    assertThat(inventory.principal(BOT).actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(inventory.credential("AKIADUOONLY00000001").actorClass())
        .isEqualTo(ActorClass.NON_HUMAN);
    assertThat(inventory.principal(DUO).lastUsed())
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void ownersFollowCredentialThenPrincipalRowThenTags(@TempDir Path dir) throws Exception {
    Inventory inventory = loadAll(dir);

    assertThat(inventory.ownerOf("AKIABOTFIRST0000001", BOT)).isEqualTo("key-owner");
    assertThat(inventory.ownerOf("AKIABOTSECOND000002", BOT)).isEqualTo("row-owner");
    assertThat(inventory.principal(BOT).owner()).isEqualTo("row-owner");
    assertThat(inventory.ownerOf(CI_ROLE, CI_ROLE)).isEqualTo("role-tag-owner");
    assertThat(inventory.ownerOf("AKIADUOONLY00000001", null)).isNull();
    assertThat(inventory.ownerOf("unknown", "unknown")).isNull();

    CredentialRecord second = inventory.credential("AKIABOTSECOND000002");
    assertThat(second.environment()).isEqualTo("staging");
    assertThat(second.team()).isEqualTo("tag-team");
    CredentialRecord first = inventory.credential("AKIABOTFIRST0000001");
    assertThat(first.expires()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(first.source()).contains("report.csv").contains("list.json").contains("owners.yml");
    assertThat(inventory.credential(CI_ROLE).team()).isEqualTo("platform");
  }

  @Test
  void genericRowsAddCredentialsOfAnyProvider(@TempDir Path dir) throws Exception {
    Inventory inventory = loadAll(dir);

    CredentialRecord sa = inventory.credential("sa@proj.iam.gserviceaccount.com");
    assertThat(sa.kind()).isEqualTo(CredentialKind.SERVICE_ACCOUNT);
    assertThat(sa.provider()).isEqualTo("gcp");
    assertThat(sa.active()).isTrue();
    assertThat(sa.scopes()).containsExactly("cloud-platform");
  }

  @Test
  void onlyTheReportKeepsSlotIds(@TempDir Path dir) throws Exception {
    write(dir, "report.csv", REPORT);

    Inventory inventory = InventoryLoader.load(List.of(dir.resolve("report.csv")));

    assertThat(inventory.credentials())
        .extracting(CredentialRecord::credential)
        .containsExactly(
            BOT + "#access_key_1",
            BOT + "#access_key_2",
            DUO + "#access_key_1",
            DUO + "#access_key_2",
            SOLO + "#access_key_1");
  }

  @Test
  void survivesSerialisation(@TempDir Path dir) throws Exception {
    Inventory inventory = loadAll(dir);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(inventory);
    }
    Inventory copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Inventory) in.readObject();
    }

    assertThat(copy.credentials()).isEqualTo(inventory.credentials());
    assertThat(copy.ownerOf("AKIABOTSECOND000002", BOT)).isEqualTo("row-owner");
  }

  @Test
  void malformedKnownFileStopsTheLoad(@TempDir Path dir) throws Exception {
    write(dir, "report.csv", REPORT.replace("2023-01-01T00:00:00Z", "someday"));

    assertThatThrownBy(() -> InventoryLoader.load(List.of(dir)))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("report.csv")
        .hasMessageContaining("data row 3")
        .hasMessageContaining("access_key_1_last_rotated");
  }
}
