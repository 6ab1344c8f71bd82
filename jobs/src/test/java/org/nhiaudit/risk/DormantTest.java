package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.MASKED;
import static org.nhiaudit.risk.Fixtures.daysAgo;
import static org.nhiaudit.risk.Fixtures.inventory;
import static org.nhiaudit.risk.Fixtures.usage;

import org.junit.jupiter.api.Test;

class DormantTest {

  private final Dormant factor = new Dormant();
  private final Dormant.Settings s = DEFAULTS.dormant();

  private Subject lastSeen(long days) {
    return Fixtures.subject(usage().lastSeen(daysAgo(days)).build(), null, null, null);
  }

  @Test
  void exactlyAtTheStaleThresholdScoresNothing() {
    assertThat(Fixtures.evaluate(factor, lastSeen(45))).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void justOverTheStaleThresholdGivesTheStaleShare() {
    FactorResult r = Fixtures.found(factor, lastSeen(46), DEFAULTS);

    assertThat(r.points()).isEqualTo((int) Math.round(s.weight() * s.staleShare()));
    assertThat(r.evidence())
        .isEqualTo(
            "access key "
                + MASKED
                + " last used 46 days ago (2025-04-16); stale after 45"
                + " days");
  }

  @Test
  void exactlyAtTheDormantThresholdIsStillOnlyStale() {
    assertThat(Fixtures.found(factor, lastSeen(90), DEFAULTS).points())
        .isEqualTo((int) Math.round(s.weight() * s.staleShare()));
  }

  @Test
  void justOverTheDormantThresholdGivesTheFullWeight() {
    FactorResult r = Fixtures.found(factor, lastSeen(91), DEFAULTS);

    assertThat(r.points()).isEqualTo(s.weight());
    assertThat(r.evidence()).contains("last used 91 days ago").contains("dormant after 90 days");
  }

  @Test
  void theLaterOfLogsAndInventoryCounts() {
    Subject s =
        Fixtures.subject(
            usage().lastSeen(daysAgo(200)).build(),
            inventory().lastUsed(daysAgo(10)).build(),
            null,
            null);

    assertThat(Fixtures.evaluate(factor, s)).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void neverUsedCountsFromCreation() {
    Subject s = Fixtures.subject(null, inventory().created(daysAgo(120)).build(), null, null);

    FactorResult r = Fixtures.found(factor, s, DEFAULTS);

    assertThat(r.points()).isEqualTo(this.s.weight());
    assertThat(r.evidence()).contains("has no recorded use since it was created 120 days ago");
  }

  @Test
  void aDisabledCredentialScoresLittleAndSaysSo() {
    Subject s =
        Fixtures.subject(null, inventory().created(daysAgo(300)).inactive().build(), null, null);

    FactorResult r = Fixtures.found(factor, s, DEFAULTS);

    assertThat(r.points())
        .isEqualTo((int) Math.max(1, Math.round(this.s.weight() * this.s.inactiveShare())))
        .isLessThan(this.s.weight());
    assertThat(r.evidence()).contains("it is disabled");
  }

  @Test
  void withoutAnyDateItSaysWhy() {
    Subject s = Fixtures.subject(null, inventory().created(null).build(), null, null);

    assertThat(Fixtures.evaluate(factor, s))
        .isEqualTo(Evaluation.notEvaluated("no last use and no creation date known"));
  }
}
