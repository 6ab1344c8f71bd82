package org.nhiaudit.risk;

/**
 * What one factor made of one credential: points with evidence, nothing to report, or no verdict
 * because the facts it needs are missing.
 */
public sealed interface Evaluation {

  /** The factor gave points; {@code result} holds them and the evidence sentence. */
  record Found(FactorResult result) implements Evaluation {}

  /** The factor looked and found nothing, or does not apply to this sort of credential. */
  record Clear() implements Evaluation {}

  /** The factor could not judge; {@code reason} says which fact was missing. */
  record NotEvaluated(String reason) implements Evaluation {}

  static Evaluation clear() {
    return new Clear();
  }

  static Evaluation notEvaluated(String reason) {
    return new NotEvaluated(reason);
  }
}
