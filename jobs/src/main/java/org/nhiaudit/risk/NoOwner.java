package org.nhiaudit.risk;

import java.time.Instant;

/**
 * Credentials nobody answers for (OWASP NHI1 Improper Offboarding): no owner on the credential's
 * inventory entry nor on its principal's. A credential seen in the logs but absent from a given
 * inventory counts as unowned too. A named team without a named person gives {@code teamOnlyShare}
 * of the weight.
 */
public final class NoOwner implements RiskFactor {

  public static final String ID = "no-owner";

  private static final String REMEDIATION =
      "Name an accountable person or team in the inventory (for example an owner tag); if nobody"
          + " claims the credential, treat it as abandoned and disable it.";

  /**
   * @param weight the most points
   * @param teamOnlyShare share of the weight when a team but no owner is named
   */
  public record Settings(int weight, double teamOnlyShare) {

    static Settings read(ConfigReader r) {
      return new Settings(r.points("weight"), r.share("teamOnlyShare"));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "No owner";
  }

  @Override
  public String owasp() {
    return "NHI1";
  }

  @Override
  public String remediation() {
    return REMEDIATION;
  }

  @Override
  public int weight(RiskConfig config) {
    return config.noOwner().weight();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    if (!subject.inventoryGiven()) {
      return Evaluation.notEvaluated("no inventory given");
    }
    if (subject.credential() == null && subject.principal() == null) {
      return found(
          config, 1.0, subject.describe() + " is not in the inventory, so nobody is its owner");
    }
    if (subject.owner() != null) {
      return Evaluation.clear();
    }
    String team = subject.team();
    if (team != null) {
      return found(
          config,
          config.noOwner().teamOnlyShare(),
          "no owner is named for " + subject.describe() + ", only the team " + team);
    }
    String of = subject.identity() == null ? "" : " or its principal " + subject.identity();
    return found(config, 1.0, "no owner or team is named for " + subject.describe() + of);
  }
}
