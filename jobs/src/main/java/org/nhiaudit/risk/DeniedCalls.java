package org.nhiaudit.risk;

import java.time.Instant;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Many calls refused by authorisation checks (OWASP NHI2 Secret Leakage): the pattern of someone
 * probing what a found secret may do, or of automation whose permissions no longer match its job.
 * Fires when at least {@code minDenied} calls and at least {@code minShare} of all calls were
 * denied, or when at least {@code manyDenied} calls were, whatever the share. Points: half the
 * weight at {@code minShare} or below, rising in a straight line to the full weight when every call
 * was denied.
 */
public final class DeniedCalls implements RiskFactor {

  public static final String ID = "denied-calls";

  private static final String REMEDIATION =
      "Look at which actions were denied and from where: if the owner does not recognise them,"
          + " treat the secret as leaked and rotate it; if it is their automation, fix its"
          + " permissions or its code.";

  /**
   * @param weight the most points
   * @param minDenied fewest denied calls that can fire together with {@code minShare}
   * @param minShare smallest share of denied calls that can fire together with {@code minDenied}
   * @param manyDenied denied calls that fire whatever their share
   */
  public record Settings(int weight, int minDenied, double minShare, int manyDenied) {

    static Settings read(ConfigReader r) {
      return new Settings(
          r.points("weight"), r.count("minDenied"), r.share("minShare"), r.count("manyDenied"));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Denied calls";
  }

  @Override
  public String owasp() {
    return "NHI2";
  }

  @Override
  public String remediation() {
    return REMEDIATION;
  }

  @Override
  public int weight(RiskConfig config) {
    return config.deniedCalls().weight();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    CredentialUsage usage = subject.usage();
    if (usage == null || usage.events() == 0) {
      return Evaluation.clear();
    }
    Settings s = config.deniedCalls();
    double share = (double) usage.denied() / usage.events();
    boolean both = usage.denied() >= s.minDenied() && share >= s.minShare();
    if (!both && usage.denied() < s.manyDenied()) {
      return Evaluation.clear();
    }
    String evidence =
        subject.describe()
            + " had "
            + usage.denied()
            + " of "
            + usage.events()
            + " calls denied ("
            + Facts.percent(share)
            + "); flagged from "
            + s.minDenied()
            + " calls and "
            + Facts.percent(s.minShare())
            + ", or "
            + s.manyDenied()
            + " calls";
    return found(config, curve(share, s.minShare()), evidence);
  }

  /** Half the weight up to {@code minShare}, the full weight when every call was denied. */
  static double curve(double share, double minShare) {
    if (share <= minShare || minShare >= 1.0) {
      return share >= 1.0 ? 1.0 : 0.5;
    }
    return 0.5 + 0.5 * (share - minShare) / (1.0 - minShare);
  }
}
