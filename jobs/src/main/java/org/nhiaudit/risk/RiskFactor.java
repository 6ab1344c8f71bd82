package org.nhiaudit.risk;

import java.time.Instant;

/**
 * One named rule of risk scoring. Implementations are stateless: thresholds and weight come from
 * the {@link RiskConfig} passed in, and time only from {@code asOf}, so the same inputs always give
 * the same result. Evidence is plain text naming the facts, with credential ids masked.
 */
public interface RiskFactor {

  /** A stable id, e.g. {@code key-age}; also the factor's key in the configuration. */
  String id();

  /** A short name for people. */
  String title();

  /** The OWASP Non-Human Identities Top 10 (2025) item the factor addresses, e.g. NHI7. */
  String owasp();

  /** What a reviewer should do about a credential the factor gave points to. */
  String remediation();

  /** The most points the factor can give; 0 switches it off. */
  int weight(RiskConfig config);

  /** Judges {@code subject} as of {@code asOf}. */
  Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config);

  /**
   * A finding worth {@code share} (0 to 1) of the weight, rounded, and at least 1 point so that a
   * finding never hides behind a small weight.
   */
  default Evaluation found(RiskConfig config, double share, String evidence) {
    double bounded = Math.max(0, Math.min(1, share));
    int points = (int) Math.max(1, Math.round(weight(config) * bounded));
    return new Evaluation.Found(new FactorResult(id(), title(), points, evidence, owasp()));
  }
}
