package org.nhiaudit.report.view;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nhiaudit.risk.FactorResult;

/**
 * The age of a credential as far as a run tells it. A {@link org.nhiaudit.risk.Score} carries no
 * creation date, so the age is read from the evidence sentence of the age factor ("created 412 days
 * ago"). Consequence: a credential whose age factor gave no points has no known age and is counted
 * as "unknown" in the age chart, until scores carry the creation date themselves.
 */
public final class CredentialAge {

  /** Factor ids that measure how old a credential is. */
  static final Set<String> AGE_FACTORS = Set.of("key-age", "credential-age", "token-age");

  private static final Pattern DAYS = Pattern.compile("(\\d{1,6}) days?");

  private CredentialAge() {}

  /** The age in days, or null when no age factor states it. */
  public static Long days(List<FactorResult> factors) {
    for (FactorResult factor : factors) {
      if (AGE_FACTORS.contains(factor.id()) && factor.evidence() != null) {
        Matcher m = DAYS.matcher(factor.evidence());
        if (m.find()) {
          return Long.parseLong(m.group(1));
        }
      }
    }
    return null;
  }

  /** Whether an age factor gave points: the credential is older than the configured limit. */
  public static boolean old(List<FactorResult> factors) {
    return factors.stream().anyMatch(f -> AGE_FACTORS.contains(f.id()) && f.points() > 0);
  }
}
