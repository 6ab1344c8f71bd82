package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RiskConfigTest {

  @Test
  void defaultsCarryTheDocumentedIndustryValues() {
    RiskConfig c = RiskConfig.defaults();

    assertThat(c.scoreCap()).isEqualTo(100);
    assertThat(c.keyAge().rotationDays()).isEqualTo(90);
    assertThat(c.dormant().dormantDays()).isEqualTo(90);
    assertThat(c.dormant().staleDays()).isEqualTo(45);
    assertThat(c.severity()).isEqualTo(new RiskConfig.SeverityBands(80, 60, 40, 20));
    assertThat(c.browserAgents().isBrowser("AWS Internal")).isFalse();
    assertThat(c.browserAgents().isBrowser("Mozilla/5.0 (X11; Linux x86_64)")).isTrue();
  }

  @Test
  void aUserFileOverridesOnlyTheKeysItNames() {
    RiskConfig c =
        Fixtures.config(
            """
            risk:
              factors:
                key-age:
                  rotationDays: 30
            """);

    assertThat(c.keyAge().rotationDays()).isEqualTo(30);
    assertThat(c.keyAge().weight()).isEqualTo(RiskConfig.defaults().keyAge().weight());
    assertThat(c.dormant()).isEqualTo(RiskConfig.defaults().dormant());
  }

  @Test
  void aListReplacesTheDefaultListWhole() {
    RiskConfig c =
        Fixtures.config(
            """
            risk:
              browserAgents:
                markers: ["Opera"]
            """);

    assertThat(c.browserAgents().markers()).containsExactly("opera");
    assertThat(c.browserAgents().isBrowser("Mozilla/5.0")).isFalse();
  }

  @Test
  void anEmptyFileMeansTheDefaults() {
    assertThat(Fixtures.config("").effective()).isEqualTo(RiskConfig.defaults().effective());
  }

  @Test
  void theEffectiveMapEchoesEveryKeyWithItsEffectiveValue() {
    RiskConfig c = Fixtures.config("risk:\n  actions:\n    keepBelow: 25\n");

    assertThat(c.asMap())
        .containsEntry("risk.actions.keepBelow", 25L)
        .containsEntry("risk.factors.key-age.rotationDays", 90L)
        .containsEntry("risk.factors.dormant.staleShare", 0.4)
        .containsEntry("risk.browserAgents.notBrowser", List.of("AWS Internal"));
    assertThat(c.asMap().keySet()).first().isEqualTo("risk.scoreCap");
  }

  @Test
  void everyFactorHasASectionInTheDefaults() {
    for (RiskFactor factor : RiskFactors.all()) {
      assertThat(RiskConfig.defaults().asMap())
          .containsKey("risk.factors." + factor.id() + ".weight");
    }
  }

  @Test
  void loadsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.yaml");
    Files.writeString(file, "risk:\n  factors:\n    dormant:\n      dormantDays: 120\n");

    assertThat(RiskConfig.load(file).dormant().dormantDays()).isEqualTo(120);
  }

  @Test
  void aMissingFileIsAConfigError(@TempDir Path dir) {
    Path file = dir.resolve("absent.yaml");

    assertThatThrownBy(() -> RiskConfig.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read configuration file")
        .hasMessageContaining("absent.yaml");
  }

  @Test
  void anUnknownKeyIsRejectedWithTheKnownKeysBesideIt() {
    assertThatThrownBy(
            () -> Fixtures.config("risk:\n  factors:\n    key-age:\n      rotationdays: 30\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "unknown key risk.factors.key-age.rotationdays; known keys in risk.factors.key-age:"
                + " weight, rotationDays");
  }

  @Test
  void anUnknownFactorIsRejectedWithTheFactorIds() {
    assertThatThrownBy(() -> Fixtures.config("risk:\n  factors:\n    key-aeg: {}\n"))
        .hasMessageContaining("unknown key risk.factors.key-aeg")
        .hasMessageContaining("key-age, dormant, unused-permissions");
  }

  @Test
  void anUnknownTopLevelKeyIsRejected() {
    assertThatThrownBy(() -> Fixtures.config("rsik: {}\n"))
        .hasMessage("unknown key rsik; known keys in the configuration: risk, alerts");
  }

  @Test
  void aValueWhereASectionBelongsIsRejected() {
    assertThatThrownBy(() -> Fixtures.config("risk:\n  factors: 3\n"))
        .hasMessage("risk.factors must be a section of keys, was 3");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        arguments(
            "factors:\n    key-age:\n      rotationDays: -3",
            "risk.factors.key-age.rotationDays must be a positive number of days, was -3"),
        arguments(
            "factors:\n    key-age:\n      rotationDays: 0",
            "risk.factors.key-age.rotationDays must be a positive number of days, was 0"),
        arguments(
            "factors:\n    dormant:\n      dormantDays: 12.5",
            "risk.factors.dormant.dormantDays must be a positive number of days, was 12.5"),
        arguments(
            "factors:\n    dormant:\n      dormantDays: ninety",
            "risk.factors.dormant.dormantDays must be a positive number of days, was ninety"),
        arguments(
            "factors:\n    dormant:\n      dormantDays:",
            "risk.factors.dormant.dormantDays must be a positive number of days, was empty"),
        arguments(
            "factors:\n    key-age:\n      weight: 101",
            "risk.factors.key-age.weight must be a whole number of points from 0 to 100,"
                + " was 101"),
        arguments(
            "factors:\n    dormant:\n      staleShare: 1.5",
            "risk.factors.dormant.staleShare must be a share from 0 to 1, was 1.5"),
        arguments(
            "factors:\n    denied-calls:\n      minDenied: 0",
            "risk.factors.denied-calls.minDenied must be a positive whole number, was 0"),
        arguments(
            "factors:\n    admin-grant:\n      fullControl: '*'",
            "risk.factors.admin-grant.fullControl must be a list of non-empty text values,"
                + " was *"),
        arguments(
            "browserAgents:\n    markers: ['Mozilla/', '']",
            "risk.browserAgents.markers must be a list of non-empty text values,"
                + " was [\"Mozilla/\",\"\"]"),
        arguments("scoreCap: 0", "risk.scoreCap must be a whole number from 1 to 100, was 0"),
        arguments(
            "scoreCap: 70", "risk.severity.critical must be a whole number from 1 to 70, was 80"),
        arguments(
            "severity:\n    high: 85",
            "risk.severity.high must be below risk.severity.critical (80), was 85"),
        arguments(
            "severity:\n    low: 40",
            "risk.severity.low must be below risk.severity.medium (40), was 40"),
        arguments(
            "factors:\n    dormant:\n      staleDays: 120",
            "risk.factors.dormant.staleDays must be below risk.factors.dormant.dormantDays"
                + " (90), was 120"),
        arguments(
            "actions:\n    revokeAfterIdleDays: -1",
            "risk.actions.revokeAfterIdleDays must be a positive number of days, was -1"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueIsNamedWithItsKeyAndValue(String yaml, String message) {
    assertThatThrownBy(() -> Fixtures.config("risk:\n  " + yaml + "\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        """
        risk:
          scoreCap: 0
          factors:
            key-age:
              rotationDays: -3
        """;

    assertThatThrownBy(() -> Fixtures.config(yaml))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "risk.scoreCap must be a whole number from 1 to 100, was 0",
                        "risk.factors.key-age.rotationDays must be a positive number of days,"
                            + " was -3"));
  }

  @Test
  void invalidYamlNamesTheSource() {
    assertThatThrownBy(() -> Fixtures.config("risk: [unclosed\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.yaml is not valid YAML: ");
  }

  @Test
  void aDuplicateKeyIsRejected() {
    assertThatThrownBy(() -> Fixtures.config("risk:\n  scoreCap: 90\n  scoreCap: 80\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("scoreCap");
  }

  @Test
  void aWeightOfZeroIsAllowedToSwitchAFactorOff() {
    assertThat(Fixtures.config("risk:\n  factors:\n    no-owner:\n      weight: 0\n").noOwner())
        .isEqualTo(new NoOwner.Settings(0, 0.5));
  }
}
