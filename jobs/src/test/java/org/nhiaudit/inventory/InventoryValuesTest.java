package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryValuesTest {

  @Test
  void readsEveryDateForm() {
    Instant expected = Instant.parse("2023-03-09T10:41:45Z");
    assertThat(InventoryValues.instant("2023-03-09 10:41:45+00:00")).isEqualTo(expected);
    assertThat(InventoryValues.instant("2023-03-09T10:41:45+00:00")).isEqualTo(expected);
    assertThat(InventoryValues.instant("2023-03-09T10:41:45Z")).isEqualTo(expected);
    assertThat(InventoryValues.instant("2023-03-09T12:41:45+02:00")).isEqualTo(expected);
    assertThat(InventoryValues.instant("2023-03-09T10:41:45")).isEqualTo(expected);
    assertThat(InventoryValues.instant("2023-03-09T10:41:45.250Z"))
        .isEqualTo(expected.plusMillis(250));
    assertThat(InventoryValues.instant("2023-03-09"))
        .isEqualTo(Instant.parse("2023-03-09T00:00:00Z"));
  }

  @Test
  void sentinelWordsMeanNoValue() {
    for (String word : new String[] {"N/A", "no_information", "not_supported", "", "  ", null}) {
      assertThat(InventoryValues.instant(word)).as(String.valueOf(word)).isNull();
      assertThat(InventoryValues.flag(word)).as(String.valueOf(word)).isNull();
    }
  }

  @Test
  void rejectsWhatIsNoDate() {
    assertThatThrownBy(() -> InventoryValues.instant("yesterday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> InventoryValues.flag("maybe"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flagsIgnoreCase() {
    assertThat(InventoryValues.flag("TRUE")).isTrue();
    assertThat(InventoryValues.flag("false")).isFalse();
  }

  @Test
  void tagKeysAreComparedLoosely() {
    assertThat(InventoryValues.tag(Map.of("Owner", "ana"), InventoryValues.TagRole.OWNER))
        .isEqualTo("ana");
    assertThat(InventoryValues.tag(Map.of("owned_by", "bo"), InventoryValues.TagRole.OWNER))
        .isEqualTo("bo");
    assertThat(InventoryValues.tag(Map.of("Team", "data"), InventoryValues.TagRole.OWNER)).isNull();
    assertThat(InventoryValues.tag(Map.of("Env", "prod"), InventoryValues.TagRole.ENVIRONMENT))
        .isEqualTo("prod");
  }

  @Test
  void accountComesFromTheArn() {
    assertThat(InventoryValues.accountOf("arn:aws:iam::111122223333:user/x"))
        .isEqualTo("111122223333");
    assertThat(InventoryValues.accountOf("arn:aws:s3:::bucket")).isNull();
    assertThat(InventoryValues.accountOf("someone@example.com")).isNull();
  }
}
