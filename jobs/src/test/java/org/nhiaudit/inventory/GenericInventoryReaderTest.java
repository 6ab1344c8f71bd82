package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nhiaudit.model.CredentialKind;

class GenericInventoryReaderTest {

  private static final String YAML =
      """
      # service credentials of the payments team
      version: 1
      credentials:
        - id: deploy@proj.iam.gserviceaccount.com
          kind: service_account
          provider: GCP
          owner: ana@example.com
          team: payments
          environment: prod
          created: 2023-01-10
          last_rotated: 2024-01-10T08:00:00Z
          expires: 2025-01-10T00:00:00+00:00
          active: false
          scopes: [cloud-platform, "storage.read"]
          description: pushes images
          colour: blue
        - ID: ghp_tokenid_17
          Kind: token
          Scopes: repo;workflow
      """;

  @Test
  void readsYamlEntries() {
    List<InventoryRow> rows = GenericInventoryReader.readYaml(YAML, "inv.yaml");

    assertThat(rows).hasSize(2);
    InventoryRow sa = rows.get(0);
    assertThat(sa.id()).isEqualTo("deploy@proj.iam.gserviceaccount.com");
    assertThat(sa.kind()).isEqualTo(CredentialKind.SERVICE_ACCOUNT);
    assertThat(sa.provider()).isEqualTo("gcp");
    assertThat(sa.owner()).isEqualTo("ana@example.com");
    assertThat(sa.team()).isEqualTo("payments");
    assertThat(sa.environment()).isEqualTo("prod");
    assertThat(sa.created()).isEqualTo(Instant.parse("2023-01-10T00:00:00Z"));
    assertThat(sa.lastRotated()).isEqualTo(Instant.parse("2024-01-10T08:00:00Z"));
    assertThat(sa.expires()).isEqualTo(Instant.parse("2025-01-10T00:00:00Z"));
    assertThat(sa.active()).isFalse();
    assertThat(sa.scopes()).containsExactly("cloud-platform", "storage.read");
    assertThat(sa.description()).isEqualTo("pushes images");
    assertThat(sa.location()).isEqualTo("line 4");

    InventoryRow token = rows.get(1);
    assertThat(token.kind()).isEqualTo(CredentialKind.TOKEN);
    assertThat(token.scopes()).containsExactly("repo", "workflow");
    assertThat(token.active()).isNull();
    assertThat(token.lastUsed()).isNull();
  }

  @Test
  void readsCsvWithCaseInsensitiveColumnsAndUnknownOnesIgnored() {
    String csv =
        "ID,Kind,Provider,Identity,Owner,Last_Used,Active,Scopes,Cost Centre\n"
            + "AKIAEXAMPLE0000001,access_key,aws,arn:aws:iam::1:user/bot,bo,"
            + "2024-04-01 12:00:00+00:00,TRUE,s3;sqs ; ,42\n"
            + "arn:aws:iam::1:user/bot,,,,team-lead,,,,\n";

    List<InventoryRow> rows = GenericInventoryReader.readCsv(csv, "inv.csv");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).lastUsed()).isEqualTo(Instant.parse("2024-04-01T12:00:00Z"));
    assertThat(rows.get(0).active()).isTrue();
    assertThat(rows.get(0).scopes()).containsExactly("s3", "sqs");
    assertThat(rows.get(0).identity()).isEqualTo("arn:aws:iam::1:user/bot");
    assertThat(rows.get(1).kind()).isNull();
    assertThat(rows.get(1).owner()).isEqualTo("team-lead");
    assertThat(rows.get(1).location()).isEqualTo("data row 2");
  }

  @Test
  void detectsTheCsvHeader() {
    assertThat(GenericInventoryReader.isCsvHeader("id,kind,owner")).isTrue();
    assertThat(GenericInventoryReader.isCsvHeader("\"Id\",\"Owner\"")).isTrue();
    assertThat(GenericInventoryReader.isCsvHeader("id,colour")).isFalse();
    assertThat(GenericInventoryReader.isCsvHeader("kind,owner")).isFalse();
  }

  @Test
  void errorsNameLineAndField() {
    String badKind = "credentials:\n  - id: a\n  - id: b\n    kind: password\n";
    assertThatThrownBy(() -> GenericInventoryReader.readYaml(badKind, "inv.yaml"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("inv.yaml, line 3, field 'kind'")
        .hasMessageContaining("password");

    String mappedScopes = "credentials:\n  - id: a\n    scopes:\n      -: repo\n";
    assertThatThrownBy(() -> GenericInventoryReader.readYaml(mappedScopes, "inv.yaml"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("line 2, field 'scopes'")
        .hasMessageContaining("each scope must be one text value");

    String noId = "credentials:\n  - owner: a\n";
    assertThatThrownBy(() -> GenericInventoryReader.readYaml(noId, "inv.yaml"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("line 2, field 'id'");

    String badDate = "id,expires\nk1,2024-01-01\nk2,next year\n";
    assertThatThrownBy(() -> GenericInventoryReader.readCsv(badDate, "inv.csv"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("inv.csv, data row 2, field 'expires'");

    String badActive = "credentials:\n  - id: a\n    active: sometimes\n";
    assertThatThrownBy(() -> GenericInventoryReader.readYaml(badActive, "inv.yaml"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("field 'active'");
  }
}
