package org.nhiaudit.report.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.nhiaudit.risk.FactorResult;

/**
 * The age of a credential as far as a run tells it: from the creation (or last rotation) date the
 * inventory gave its score. A credential no inventory describes has no known age and counts as
 * "unknown" in the age chart.
 */
public final class CredentialAge {

  /** The factor that judges a secret too old to keep without rotation. */
  static final String AGE_FACTOR = "key-age";

  private CredentialAge() {}

  /** Whole days from {@code created} to {@code asOf}, or null when the creation is unknown. */
  public static Long days(Instant created, Instant asOf) {
    if (created == null || asOf == null) {
      return null;
    }
    return Math.max(0, Duration.between(created, asOf).toDays());
  }

  /** Whether the age factor gave points: the credential is older than the configured limit. */
  public static boolean old(List<FactorResult> factors) {
    return factors.stream().anyMatch(f -> AGE_FACTOR.equals(f.id()) && f.points() > 0);
  }
}
