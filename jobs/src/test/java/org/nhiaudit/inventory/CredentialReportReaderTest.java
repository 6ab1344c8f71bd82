package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

class CredentialReportReaderTest {

  private static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
          + "access_key_1_last_used_date,access_key_1_last_used_region,"
          + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          + "access_key_2_last_used_date,access_key_2_last_used_region,"
          + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,"
          + "cert_2_last_rotated\n";

  private static final String ROOT = "arn:aws:iam::999988887777:root";
  private static final String BOT = "arn:aws:iam::999988887777:user/bot";
  private static final String PERSON = "arn:aws:iam::999988887777:user/person";

  /** Root with a key, a key user with one rotated-away slot, a password user; no final newline. */
  private static final String REPORT =
      HEADER
          + "<root_account>,"
          + ROOT
          + ",2020-01-01T00:00:00+00:00,not_supported,2024-02-01T00:00:00+00:00,not_supported,"
          + "not_supported,true,true,2020-01-02T00:00:00Z,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
          + "false,N/A,false,N/A\n"
          + "bot,"
          + BOT
          + ",2021-05-01T10:00:00+00:00,false,N/A,N/A,N/A,false,"
          + "true,2021-05-01T10:00:05+00:00,2024-03-03T03:03:00+00:00,us-east-1,s3,"
          + "false,2021-06-01T00:00:00+00:00,2021-07-01T00:00:00+00:00,eu-west-1,sqs,"
          + "false,N/A,false,N/A\n"
          + "person,"
          + PERSON
          + ",2022-01-01T00:00:00+00:00,true,no_information,2022-01-01T00:00:01+00:00,N/A,true,"
          + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

  @Test
  void keySlotsBecomeCredentials() {
    CredentialReport report = CredentialReportReader.read(REPORT, "report.csv");

    assertThat(report.rows()).isEqualTo(3);
    assertThat(report.keys())
        .extracting(CredentialRecord::credential)
        .containsExactly(ROOT + "#access_key_1", BOT + "#access_key_1", BOT + "#access_key_2");

    CredentialRecord root = report.keys().get(0);
    assertThat(root.kind()).isEqualTo(CredentialKind.ROOT);
    assertThat(root.created()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
    assertThat(root.lastUsed()).isNull();

    CredentialRecord bot1 = report.keys().get(1);
    assertThat(bot1.kind()).isEqualTo(CredentialKind.ACCESS_KEY);
    assertThat(bot1.active()).isTrue();
    assertThat(bot1.identity()).isEqualTo(BOT);
    assertThat(bot1.created()).isEqualTo(Instant.parse("2021-05-01T10:00:05Z"));
    assertThat(bot1.lastUsed()).isEqualTo(Instant.parse("2024-03-03T03:03:00Z"));
    assertThat(bot1.actorClass()).isEqualTo(ActorClass.NON_HUMAN);

    CredentialRecord bot2 = report.keys().get(2);
    assertThat(bot2.active()).isFalse();
    assertThat(bot2.lastUsed()).isEqualTo(Instant.parse("2021-07-01T00:00:00Z"));
  }

  @Test
  void passwordUsersAndRootArePeople() {
    CredentialReport report = CredentialReportReader.read(REPORT, "report.csv");

    assertThat(report.principals())
        .extracting(Principal::identity, Principal::type, Principal::actorClass)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ROOT, "root", ActorClass.HUMAN),
            org.assertj.core.groups.Tuple.tuple(BOT, "user", ActorClass.NON_HUMAN),
            org.assertj.core.groups.Tuple.tuple(PERSON, "user", ActorClass.HUMAN));
    Principal bot = report.principals().get(1);
    assertThat(bot.account()).isEqualTo("999988887777");
    assertThat(bot.lastUsed()).isEqualTo(Instant.parse("2024-03-03T03:03:00Z"));
    assertThat(report.principals().get(2).lastUsed()).isNull();
  }

  @Test
  void headerNamesIgnoreCaseAndAByteOrderMark() {
    String upper = "\uFEFF" + REPORT.replaceFirst("user,arn", "User,ARN");
    assertThat(CredentialReportReader.read(upper, "r.csv").keys()).hasSize(3);
  }

  @Test
  void errorsNameRowAndColumn() {
    String bad = REPORT.replace("2021-05-01T10:00:05+00:00", "soon");
    assertThatThrownBy(() -> CredentialReportReader.read(bad, "report.csv"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("report.csv")
        .hasMessageContaining("data row 2")
        .hasMessageContaining("access_key_1_last_rotated");

    String noArn = "user,access_key_1_active\nbot,true";
    assertThatThrownBy(() -> CredentialReportReader.read(noArn, "r.csv"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("'arn'");
  }
}
