package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.MASKED;
import static org.nhiaudit.risk.Fixtures.usage;

import org.junit.jupiter.api.Test;

class DeniedCallsTest {

  private final DeniedCalls factor = new DeniedCalls();
  private final DeniedCalls.Settings s = DEFAULTS.deniedCalls();

  private static Subject calls(long events, long denied) {
    return Fixtures.subject(usage().calls(events, denied).build(), null, null, null);
  }

  @Test
  void exactlyAtBothThresholdsFiresWithHalfTheWeight() {
    FactorResult r = Fixtures.found(factor, calls(50, 10), DEFAULTS);

    assertThat(r.points()).isEqualTo((int) Math.round(s.weight() * 0.5));
    assertThat(r.evidence())
        .isEqualTo(
            "access key "
                + MASKED
                + " had 10 of 50 calls denied (20%); flagged from 10"
                + " calls and 20%, or 100 calls");
  }

  @Test
  void justBelowEitherThresholdScoresNothing() {
    assertThat(Fixtures.evaluate(factor, calls(50, 9))).isInstanceOf(Evaluation.Clear.class);
    assertThat(Fixtures.evaluate(factor, calls(51, 10))).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void manyDeniedCallsFireWhateverTheShare() {
    assertThat(Fixtures.evaluate(factor, calls(100_000, 99))).isInstanceOf(Evaluation.Clear.class);
    assertThat(Fixtures.found(factor, calls(100_000, 100), DEFAULTS).points())
        .isEqualTo((int) Math.round(s.weight() * 0.5));
  }

  @Test
  void pointsGrowWithTheShareToTheFullWeight() {
    int most = Fixtures.found(factor, calls(100, 60), DEFAULTS).points();
    int all = Fixtures.found(factor, calls(40, 40), DEFAULTS).points();

    assertThat(most)
        .isEqualTo((int) Math.round(s.weight() * (0.5 + 0.5 * (0.6 - 0.2) / 0.8)))
        .isLessThan(all);
    assertThat(all).isEqualTo(s.weight());
  }

  @Test
  void neverSeenIsNothingToJudge() {
    Subject s = Fixtures.subject(null, Fixtures.inventory().build(), null, null);

    assertThat(Fixtures.evaluate(factor, s)).isInstanceOf(Evaluation.Clear.class);
  }
}
