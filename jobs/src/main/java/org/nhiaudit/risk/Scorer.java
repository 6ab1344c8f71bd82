package org.nhiaudit.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Scores credentials: runs every factor with a non-zero weight, sums their points up to the score
 * cap, picks the severity band and the recommended action. Stateless and deterministic: the same
 * subjects, as-of time and configuration always give the same scores in the same order.
 *
 * <h2>Recommended action, first rule that matches</h2>
 *
 * <ol>
 *   <li>REVOKE when the root-credential factor fired, or when the dormant factor fired and the
 *       credential has been idle (since last use, or since creation when never used) for more than
 *       {@code risk.actions.revokeAfterIdleDays};
 *   <li>KEEP when the score is below {@code risk.actions.keepBelow};
 *   <li>by the factor with the most points: key-age, human-use and denied-calls to ROTATE;
 *       unused-permissions and admin-grant to REDUCE; no-owner to ASSIGN_OWNER; a dormant finding
 *       short of the revoke threshold leaves the choice to the next factor;
 *   <li>KEEP.
 * </ol>
 */
public final class Scorer {

  /** Highest score first; equal scores by credential id, then provider, so ranks never shuffle. */
  public static final Comparator<Score> RANKING =
      Comparator.comparingInt(Score::score)
          .reversed()
          .thenComparing(Score::credential)
          .thenComparing(Score::provider, Comparator.nullsLast(Comparator.naturalOrder()));

  private final RiskConfig config;
  private final List<RiskFactor> factors;

  /** A scorer with every factor of {@link RiskFactors#all()}. */
  public Scorer(RiskConfig config) {
    this(config, RiskFactors.all());
  }

  /** A scorer with the given factors; their order breaks ties between equal points. */
  public Scorer(RiskConfig config, List<RiskFactor> factors) {
    this.config = config;
    this.factors = List.copyOf(factors);
  }

  /** The risk of {@code subject} as of {@code asOf}. */
  public Score score(Subject subject, Instant asOf) {
    List<FactorResult> found = new ArrayList<>();
    List<String> notEvaluated = new ArrayList<>();
    for (RiskFactor factor : factors) {
      if (factor.weight(config) == 0) {
        continue;
      }
      Evaluation evaluation = factor.evaluate(subject, asOf, config);
      if (evaluation instanceof Evaluation.Found f) {
        found.add(f.result());
      } else if (evaluation instanceof Evaluation.NotEvaluated n) {
        notEvaluated.add(factor.id() + ": " + n.reason());
      }
    }
    // Stable sort: equal points keep the factors' fixed order.
    found.sort(Comparator.comparingInt(FactorResult::points).reversed());
    int sum = found.stream().mapToInt(FactorResult::points).sum();
    int total = Math.min(config.scoreCap(), sum);
    return new Score(
        subject.credentialId(),
        subject.identity(),
        subject.provider(),
        subject.kind(),
        subject.owner(),
        subject.team(),
        subject.environment(),
        subject.lastUsed(),
        subject.created(),
        total,
        config.severity().of(total),
        action(subject, asOf, found, total),
        found,
        subject.permissions(),
        notEvaluated);
  }

  /** Scores of all {@code subjects}, ordered by {@link #RANKING}. */
  public List<Score> rank(Collection<Subject> subjects, Instant asOf) {
    return subjects.stream().map(s -> score(s, asOf)).sorted(RANKING).toList();
  }

  private RecommendedAction action(
      Subject subject, Instant asOf, List<FactorResult> found, int total) {
    if (fired(found, RootCredential.ID) || longIdle(subject, asOf, found)) {
      return RecommendedAction.REVOKE;
    }
    if (total < config.actions().keepBelow()) {
      return RecommendedAction.KEEP;
    }
    for (FactorResult result : found) {
      RecommendedAction action = actionFor(result.id());
      if (action != null) {
        return action;
      }
    }
    return RecommendedAction.KEEP;
  }

  private boolean longIdle(Subject subject, Instant asOf, List<FactorResult> found) {
    Instant since = Dormant.idleSince(subject);
    return fired(found, Dormant.ID)
        && since != null
        && Facts.days(since, asOf) > config.actions().revokeAfterIdleDays();
  }

  /** The action a main factor calls for, or null when it leaves the choice to the next one. */
  private static RecommendedAction actionFor(String factorId) {
    return switch (factorId) {
      case KeyAge.ID, HumanUse.ID, DeniedCalls.ID -> RecommendedAction.ROTATE;
      case UnusedPermissions.ID, AdminGrant.ID, BroadScope.ID -> RecommendedAction.REDUCE;
      case NoOwner.ID -> RecommendedAction.ASSIGN_OWNER;
      default -> null;
    };
  }

  private static boolean fired(List<FactorResult> found, String factorId) {
    return found.stream().anyMatch(r -> r.id().equals(factorId));
  }
}
