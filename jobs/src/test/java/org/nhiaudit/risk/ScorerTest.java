package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.AS_OF;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.daysAgo;
import static org.nhiaudit.risk.Fixtures.inventory;
import static org.nhiaudit.risk.Fixtures.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nhiaudit.inventory.PermissionUse;
import org.nhiaudit.model.CredentialKind;

class ScorerTest {

  private final Scorer scorer = new Scorer(DEFAULTS);

  /** A factor that always gives {@code points}, to probe the scorer alone. */
  private record Fixed(String id, int points) implements RiskFactor {

    @Override
    public String title() {
      return id;
    }

    @Override
    public String owasp() {
      return "NHI1";
    }

    @Override
    public String remediation() {
      return "";
    }

    @Override
    public int weight(RiskConfig config) {
      return 100;
    }

    @Override
    public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
      return found(config, points / 100.0, id + " gave " + points);
    }
  }

  private static Subject anyKey() {
    return Fixtures.subject(usage().build(), inventory().build(), null, null);
  }

  private static Score fixed(int... points) {
    List<RiskFactor> factors = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      factors.add(new Fixed("f" + i, points[i]));
    }
    return new Scorer(DEFAULTS, factors).score(anyKey(), AS_OF);
  }

  @Test
  void theScoreIsTheSumOfPointsCappedAtTheConfiguredCap() {
    assertThat(fixed(30, 25).score()).isEqualTo(55);
    assertThat(fixed(70, 60).score()).isEqualTo(DEFAULTS.scoreCap());

    RiskConfig lowCap = Fixtures.config("risk:\n  scoreCap: 90\n");
    Score capped =
        new Scorer(lowCap, List.of(new Fixed("a", 60), new Fixed("b", 50))).score(anyKey(), AS_OF);
    assertThat(capped.score()).isEqualTo(90);
    assertThat(capped.factors()).extracting(FactorResult::points).containsExactly(60, 50);
  }

  @Test
  void severityBandsIncludeTheirLowerBound() {
    RiskConfig.SeverityBands b = DEFAULTS.severity();

    assertThat(fixed(b.critical()).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(fixed(b.critical() - 1).severity()).isEqualTo(Severity.HIGH);
    assertThat(fixed(b.high()).severity()).isEqualTo(Severity.HIGH);
    assertThat(fixed(b.medium()).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(fixed(b.medium() - 1).severity()).isEqualTo(Severity.LOW);
    assertThat(fixed(b.low()).severity()).isEqualTo(Severity.LOW);
    assertThat(fixed(b.low() - 1).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void factorsAreOrderedByPointsAndTiesKeepTheFactorOrder() {
    assertThat(fixed(5, 30, 5, 12).factors())
        .extracting(FactorResult::id)
        .containsExactly("f1", "f3", "f0", "f2");
  }

  @Test
  void anOldKeyInUseIsToBeRotated() {
    Subject s =
        Fixtures.subject(usage().build(), inventory().created(daysAgo(400)).build(), null, null);

    Score score = scorer.score(s, AS_OF);

    assertThat(score.factors()).extracting(FactorResult::id).containsExactly(KeyAge.ID);
    assertThat(score.action()).isEqualTo(RecommendedAction.ROTATE);
  }

  @Test
  void administrativeGrantsAreToBeReduced() {
    PermissionUse p = Fixtures.admin(List.of("*"), List.of());
    Subject s = Fixtures.subject(usage().build(), inventory().build(), null, p);

    Score score = scorer.score(s, AS_OF);

    assertThat(score.factors().get(0).id()).isEqualTo(AdminGrant.ID);
    assertThat(score.action()).isEqualTo(RecommendedAction.REDUCE);
    assertThat(score.permissions()).isEqualTo(p);
  }

  @Test
  void aKeyIdleBeyondTheRevokeThresholdIsToBeRevokedWhateverElseDominates() {
    int idle = DEFAULTS.actions().revokeAfterIdleDays() + 1;
    PermissionUse p = Fixtures.admin(List.of("*"), List.of());
    Subject s =
        Fixtures.subject(usage().lastSeen(daysAgo(idle)).build(), inventory().build(), null, p);

    Score score = scorer.score(s, AS_OF);

    assertThat(score.factors().get(0).id()).isEqualTo(AdminGrant.ID);
    assertThat(score.action()).isEqualTo(RecommendedAction.REVOKE);
  }

  @Test
  void aKeyNeverUsedSinceLongAgoIsToBeRevoked() {
    Subject s = Fixtures.subject(null, inventory().created(daysAgo(100)).build(), null, null);

    assertThat(scorer.score(s, AS_OF).action()).isEqualTo(RecommendedAction.REVOKE);
  }

  @Test
  void rootInProgrammaticUseIsToBeRevoked() {
    Subject s =
        Fixtures.subject(
            usage().identity("arn:aws:iam::123456789012:root", "Root").build(),
            inventory().build(),
            null,
            null);

    assertThat(scorer.score(s, AS_OF).action()).isEqualTo(RecommendedAction.REVOKE);
  }

  @Test
  void aStaleFindingLeavesTheActionToTheNextFactor() {
    RiskConfig eager = Fixtures.config("risk:\n  actions:\n    keepBelow: 5\n");
    Subject s =
        Fixtures.subject(
            usage().lastSeen(daysAgo(50)).build(),
            inventory().owner(null, "payments").build(),
            null,
            null);

    Score score = new Scorer(eager).score(s, AS_OF);

    assertThat(score.factors())
        .extracting(FactorResult::id)
        .containsExactly(Dormant.ID, NoOwner.ID);
    assertThat(score.action()).isEqualTo(RecommendedAction.ASSIGN_OWNER);
    assertThat(new Scorer(DEFAULTS).score(s, AS_OF).action()).isEqualTo(RecommendedAction.KEEP);
  }

  @Test
  void anUnownedCredentialIsToBeGivenAnOwner() {
    Subject s = Fixtures.subject(usage().lastSeen(daysAgo(60)).build(), null, null, null);

    Score score = scorer.score(s, AS_OF);

    assertThat(score.factors().get(0).id()).isEqualTo(NoOwner.ID);
    assertThat(score.action()).isEqualTo(RecommendedAction.ASSIGN_OWNER);
  }

  @Test
  void aLowScoreIsKept() {
    Score score = scorer.score(anyKey(), AS_OF);

    assertThat(score.score()).isLessThan(DEFAULTS.actions().keepBelow());
    assertThat(score.action()).isEqualTo(RecommendedAction.KEEP);
    assertThat(score.severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void withoutAnInventoryTheFactorsThatNeedOneSayNotEvaluated() {
    Subject s = Subject.of(usage().build(), null, null, null, false);

    Score score = scorer.score(s, AS_OF);

    assertThat(score.notEvaluated())
        .containsExactlyInAnyOrder(
            "admin-grant: no inventory given",
            "broad-scope: no inventory given",
            "key-age: no inventory given",
            "unused-permissions: no inventory given",
            "no-owner: no inventory given");
    assertThat(score.factors()).isEmpty();
  }

  @Test
  void aFactorWithWeightZeroIsSwitchedOff() {
    RiskConfig off = Fixtures.config("risk:\n  factors:\n    no-owner:\n      weight: 0\n");
    Subject s = Subject.of(usage().build(), null, null, null, false);

    assertThat(new Scorer(off).score(s, AS_OF).notEvaluated())
        .noneMatch(reason -> reason.startsWith("no-owner"));
  }

  @Test
  void theScoreCarriesWhatTheSubjectKnows() {
    Subject s =
        Fixtures.subject(
            usage().lastSeen(daysAgo(3)).build(),
            inventory().owner("alice@example.com", "payments").lastUsed(daysAgo(1)).build(),
            Fixtures.principal(null, Map.of(), List.of()),
            null);

    Score score = scorer.score(s, AS_OF);

    assertThat(score.credential()).isEqualTo(Fixtures.KEY_ID);
    assertThat(score.identity()).isEqualTo(Fixtures.USER);
    assertThat(score.kind()).isEqualTo(CredentialKind.ACCESS_KEY);
    assertThat(score.owner()).isEqualTo("alice@example.com");
    assertThat(score.team()).isEqualTo("payments");
    assertThat(score.environment()).isEqualTo("prod");
    assertThat(score.lastUsed()).isEqualTo(daysAgo(1));
  }

  @Test
  void rankingPutsTheHighestFirstAndBreaksTiesByCredentialId() {
    Subject risky =
        Fixtures.subject(
            usage().credential("AKIAZZZZ00000000RISK", CredentialKind.ACCESS_KEY).build(),
            inventory()
                .credential("AKIAZZZZ00000000RISK", CredentialKind.ACCESS_KEY)
                .created(daysAgo(400))
                .build(),
            null,
            Fixtures.admin(List.of("*"), List.of()));
    Subject calmB = keyNamed("AKIABBBB00000000CALM");
    Subject calmA = keyNamed("AKIAAAAA00000000CALM");
    List<Subject> subjects = new ArrayList<>(List.of(calmB, risky, calmA));

    List<String> first = ids(scorer.rank(subjects, AS_OF));
    Collections.reverse(subjects);
    List<String> again = ids(scorer.rank(subjects, AS_OF));

    assertThat(first)
        .containsExactly("AKIAZZZZ00000000RISK", "AKIAAAAA00000000CALM", "AKIABBBB00000000CALM");
    assertThat(again).isEqualTo(first);
  }

  private static Subject keyNamed(String id) {
    return Fixtures.subject(
        usage().credential(id, CredentialKind.ACCESS_KEY).build(),
        inventory().credential(id, CredentialKind.ACCESS_KEY).build(),
        null,
        null);
  }

  private static List<String> ids(List<Score> scores) {
    return scores.stream().map(Score::credential).toList();
  }
}
