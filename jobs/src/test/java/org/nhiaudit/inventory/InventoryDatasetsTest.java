package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

/** The readers on the public sample files; expected figures come from each SOURCE.md. */
class InventoryDatasetsTest {

  private static Path dataset(String relative) {
    String shared = System.getProperty("nhiaudit.shared", "");
    Path path = Path.of(shared, "datasets", relative);
    Assumptions.assumeTrue(
        !shared.isEmpty() && Files.exists(path),
        "shared datasets not found at " + path + ": skipping");
    return path;
  }

  private static LocalDate day(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  @Test
  void cloudsplainingExampleHasTheDocumentedLists() {
    Path dir = dataset("iam-authorization-details/cloudsplaining-example");

    Inventory inventory = InventoryLoader.load(List.of(dir));

    InventoryInput input = inventory.inputs().get(0);
    assertThat(inventory.inputs()).hasSize(1);
    assertThat(input.kind()).isEqualTo(InventoryFileKind.AWS_AUTHORIZATION_DETAILS);
    assertThat(input.rows()).isEqualTo(44 + 5 + 78 + 84);
    assertThat(inventory.skipped()).anyMatch(path -> path.endsWith("SOURCE.md"));

    List<Principal> users =
        inventory.principals().stream().filter(p -> p.type().equals("user")).toList();
    assertThat(users).hasSize(44);
    assertThat(inventory.credentials()).hasSize(78);
    assertThat(inventory.credentials()).allMatch(c -> c.kind() == CredentialKind.ROLE);
    assertThat(inventory.credentials().stream().filter(c -> c.lastUsed() != null)).hasSize(26);
    assertThat(inventory.principals().stream().filter(p -> "012345678901".equals(p.account())))
        .extracting(Principal::name)
        .containsExactlyInAnyOrder(
            "obama",
            "userwithlotsofpermissions",
            "biden",
            "MyRole",
            "MyOtherRole",
            "OverprivilegedEC2");
    assertThat(
            users.stream()
                .filter(u -> u.grants().stream().anyMatch(g -> g.source().startsWith("inline:"))))
        .hasSize(2);
  }

  @Test
  void cloudsplainingRoleActorsFollowTheirArnPaths() {
    Path dir = dataset("iam-authorization-details/cloudsplaining-example");

    Inventory inventory = InventoryLoader.load(List.of(dir));

    for (CredentialRecord role : inventory.credentials()) {
      String arn = role.credential();
      ActorClass expected = ActorClass.NON_HUMAN;
      if (arn.contains(":role/aws-service-role/")) {
        expected = ActorClass.SERVICE;
      } else if (arn.contains(":role/aws-reserved/sso.amazonaws.com/")) {
        expected = ActorClass.HUMAN;
      }
      assertThat(role.actorClass()).as(arn).isEqualTo(expected);
      assertThat(inventory.principal(arn).actorClass()).as(arn).isEqualTo(expected);
    }
    assertThat(inventory.credentials())
        .anyMatch(c -> c.actorClass() == ActorClass.SERVICE)
        .anyMatch(c -> c.actorClass() == ActorClass.HUMAN);
  }

  @Test
  void credentialReportsGiveTheDocumentedRowsAndKeys() {
    Path dir = dataset("iam-credential-report/aws-testbench-jakubdziegielewski");
    String earlier = dir.resolve("credential_report_2022-12-19.csv").toString();
    String later = dir.resolve("credential_report_2023-01-03.csv").toString();

    CredentialReport december = read(earlier);
    CredentialReport january = read(later);

    assertThat(december.rows()).isEqualTo(4);
    assertThat(january.rows()).isEqualTo(5);
    assertThat(january.principals())
        .extracting(Principal::name)
        .contains("root", "cloudgoat", "jake", "test_account", "test_key_account");

    CredentialRecord cloudgoatThen = key(december, "user/cloudgoat");
    CredentialRecord cloudgoatNow = key(january, "user/cloudgoat");
    assertThat(cloudgoatThen.active()).isTrue();
    assertThat(day(cloudgoatThen.lastUsed())).isEqualTo(LocalDate.of(2022, 12, 18));
    assertThat(day(cloudgoatNow.lastUsed())).isEqualTo(LocalDate.of(2022, 12, 21));
    assertThat(principal(january, "user/cloudgoat").actorClass()).isEqualTo(ActorClass.NON_HUMAN);

    CredentialRecord testKey = key(january, "user/test_key_account");
    assertThat(day(testKey.created())).isEqualTo(LocalDate.of(2022, 12, 19));
    assertThat(testKey.lastUsed()).isNull();

    assertThat(principal(january, "user/jake").actorClass()).isEqualTo(ActorClass.HUMAN);
    assertThat(key(january, "user/jake").actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(principal(january, "user/test_account").lastUsed()).isNull();
    assertThat(principal(january, ":root").type()).isEqualTo("root");
  }

  private static CredentialReport read(String file) {
    try {
      return CredentialReportReader.read(Files.readString(Path.of(file)), file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static CredentialRecord key(CredentialReport report, String arnSuffix) {
    return report.keys().stream()
        .filter(k -> k.credential().endsWith(arnSuffix + "#access_key_1"))
        .findFirst()
        .orElseThrow();
  }

  private static Principal principal(CredentialReport report, String arnSuffix) {
    return report.principals().stream()
        .filter(p -> p.identity().endsWith(arnSuffix))
        .findFirst()
        .orElseThrow();
  }
}
