package org.nhiaudit.risk;

import java.time.Instant;

/**
 * Credentials nobody uses any more, or never used (OWASP NHI1 Improper Offboarding). Idle time
 * counts from the last use (see {@link Subject#lastUsed()}), or from creation when there is none.
 * Idle beyond {@code staleDays}: {@code staleShare} of the weight; beyond {@code dormantDays}: the
 * full weight. A disabled credential gets {@code inactiveShare} of that.
 *
 * <p>Logs only cover the period they were collected for; without the provider's own last-used date,
 * a credential used only before that period looks like it was last used at the period's start at
 * best, or is absent from the logs altogether.
 */
public final class Dormant implements RiskFactor {

  public static final String ID = "dormant";

  private static final String REMEDIATION =
      "Ask the owner whether anything still depends on it; if nothing does, disable it, wait for"
          + " complaints for an agreed period, then delete it.";

  /**
   * @param weight the most points
   * @param staleDays idle longer than this is stale
   * @param dormantDays idle longer than this is dormant
   * @param staleShare share of the weight for stale credentials
   * @param inactiveShare factor applied when the provider reports the credential disabled
   */
  public record Settings(
      int weight, int staleDays, int dormantDays, double staleShare, double inactiveShare) {

    static Settings read(ConfigReader r) {
      Settings s =
          new Settings(
              r.points("weight"),
              r.days("staleDays"),
              r.days("dormantDays"),
              r.share("staleShare"),
              r.share("inactiveShare"));
      r.requireBelow("staleDays", s.staleDays, "dormantDays", s.dormantDays);
      return s;
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Dormant credential";
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
    return config.dormant().weight();
  }

  /** The instant idle time counts from: the last use, else creation; null when neither known. */
  static Instant idleSince(Subject subject) {
    Instant last = subject.lastUsed();
    return last != null ? last : subject.created();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    Instant since = idleSince(subject);
    if (since == null) {
      return Evaluation.notEvaluated(
          subject.inventoryGiven()
              ? "no last use and no creation date known"
              : "no inventory given and not seen in the logs");
    }
    Settings s = config.dormant();
    long idle = Facts.days(since, asOf);
    double share;
    String limit;
    if (idle > s.dormantDays()) {
      share = 1.0;
      limit = "; dormant after " + s.dormantDays() + " days";
    } else if (idle > s.staleDays()) {
      share = s.staleShare();
      limit = "; stale after " + s.staleDays() + " days";
    } else {
      return Evaluation.clear();
    }
    String evidence = subject.describe() + idleText(subject, since, idle) + limit;
    if (!subject.active()) {
      share *= s.inactiveShare();
      evidence += "; it is disabled, so it scores little until someone enables it again";
    }
    return found(config, share, evidence);
  }

  private static String idleText(Subject subject, Instant since, long idle) {
    if (subject.lastUsed() == null) {
      return " has no recorded use since it was created "
          + idle
          + " days ago ("
          + Facts.date(since)
          + ")";
    }
    return " last used " + idle + " days ago (" + Facts.date(since) + ")";
  }
}
