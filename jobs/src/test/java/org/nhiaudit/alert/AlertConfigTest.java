package org.nhiaudit.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nhiaudit.risk.ConfigException;
import org.nhiaudit.risk.RiskConfig;

/** Reading the streaming-only settings of the alerts section. */
class AlertConfigTest {

  @Test
  void usageRetentionHasADocumentedDefaultAndCanBeChanged() {
    assertThat(AlertConfig.defaults().usageRetention()).isEqualTo(Duration.ofDays(400));
    String yaml = "alerts:\n  usageRetentionDays: 30\n";
    assertThat(AlertConfig.of(RiskConfig.fromYaml(yaml, "test")).usageRetention())
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void usageRetentionBelowOneDayIsRejected() {
    String yaml = "alerts:\n  usageRetentionDays: 0\n";
    assertThatThrownBy(() -> AlertConfig.of(RiskConfig.fromYaml(yaml, "test")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerts.usageRetentionDays");
  }
}
