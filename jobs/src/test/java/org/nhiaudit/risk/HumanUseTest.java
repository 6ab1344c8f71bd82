package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.MASKED;
import static org.nhiaudit.risk.Fixtures.inventory;
import static org.nhiaudit.risk.Fixtures.usage;

import org.junit.jupiter.api.Test;
import org.nhiaudit.model.ActorClass;

class HumanUseTest {

  private static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0 Safari/537.36";

  private final HumanUse factor = new HumanUse();

  private static Subject agents(String... agents) {
    return Fixtures.subject(usage().agents(agents).build(), null, null, null);
  }

  @Test
  void aBrowserAgentGivesTheFullWeightAndIsQuotedCut() {
    FactorResult r = Fixtures.found(factor, agents("aws-cli/2.15.0", CHROME), DEFAULTS);
    int chars = DEFAULTS.humanUse().agentChars();

    assertThat(r.points()).isEqualTo(DEFAULTS.humanUse().weight());
    assertThat(r.evidence())
        .isEqualTo(
            "access key "
                + MASKED
                + " was used from a browser or web console: user agent \""
                + CHROME.substring(0, chars)
                + "\u2026\" (1 of 2 agents seen look like a browser)");
    assertThat(r.owasp()).isEqualTo("NHI10");
  }

  @Test
  void consoleAgentsCountAndTheProvidersInternalCallsDoNot() {
    assertThat(Fixtures.evaluate(factor, agents("signin.amazonaws.com")))
        .isInstanceOf(Evaluation.Found.class);
    assertThat(Fixtures.evaluate(factor, agents("console.amazonaws.com")))
        .isInstanceOf(Evaluation.Found.class);
    assertThat(Fixtures.evaluate(factor, agents("AWS Internal")))
        .isInstanceOf(Evaluation.Clear.class);
    assertThat(Fixtures.evaluate(factor, agents("Boto3/1.34.0 Python/3.12")))
        .isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void quotesAndControlCharactersInTheAgentAreDefused() {
    FactorResult r = Fixtures.found(factor, agents("Mozilla/5.0 \"x\"\n<b>"), DEFAULTS);

    assertThat(r.evidence()).contains("\"Mozilla/5.0 'x' <b>\"");
  }

  @Test
  void credentialsOfPeopleAreNotJudged() {
    Subject s =
        Fixtures.subject(
            usage().agents(CHROME).build(),
            inventory().actor(ActorClass.HUMAN).build(),
            null,
            null);

    assertThat(Fixtures.evaluate(factor, s)).isInstanceOf(Evaluation.Clear.class);
  }
}
