package org.nhiaudit.risk;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.nhiaudit.inventory.PermissionUse;

/**
 * Granted permissions the credential was never seen to use (OWASP NHI5 Overprivileged NHI). The
 * share of granted Allow patterns that matched no observed action; points are that share of the
 * weight once it reaches {@code minUnusedShare}. It needs both the grants and usage from the logs,
 * and it can only be as good as the period the logs cover: a quarterly job looks overprivileged in
 * a month of logs.
 */
public final class UnusedPermissions implements RiskFactor {

  public static final String ID = "unused-permissions";

  private static final String REMEDIATION =
      "Replace the grants with a policy that allows only the actions seen in use, and watch for"
          + " denied calls for a while after the change.";

  /** Wildcard patterns first, then by name, so examples show the broadest grants. */
  private static final Comparator<String> BROADEST_FIRST =
      Comparator.comparing((String p) -> !(p.contains("*") || p.contains("?")))
          .thenComparing(Comparator.naturalOrder());

  /**
   * @param weight the most points
   * @param minUnusedShare the share of unused grants at which the factor starts to give points
   * @param examples how many unused patterns the evidence names
   */
  public record Settings(int weight, double minUnusedShare, int examples) {

    static Settings read(ConfigReader r) {
      return new Settings(r.points("weight"), r.share("minUnusedShare"), r.count("examples"));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Unused permissions";
  }

  @Override
  public String owasp() {
    return "NHI5";
  }

  @Override
  public String remediation() {
    return REMEDIATION;
  }

  @Override
  public int weight(RiskConfig config) {
    return config.unusedPermissions().weight();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    if (!subject.inventoryGiven()) {
      return Evaluation.notEvaluated("no inventory given");
    }
    PermissionUse p = subject.permissions();
    if (p == null) {
      return Evaluation.notEvaluated("no grants known for this identity");
    }
    if (subject.usage() == null) {
      return Evaluation.notEvaluated("not seen in the logs, so there is no use to compare with");
    }
    if (p.granted() == 0 || p.unused().isEmpty()) {
      return Evaluation.clear();
    }
    Settings s = config.unusedPermissions();
    double share = Math.min(1.0, (double) p.unused().size() / p.granted());
    if (share < s.minUnusedShare()) {
      return Evaluation.clear();
    }
    List<String> examples = p.unused().stream().sorted(BROADEST_FIRST).toList();
    String evidence =
        subject.describe()
            + " uses "
            + p.used().size()
            + " of "
            + p.granted()
            + " granted permissions; "
            + p.unused().size()
            + " unused ("
            + Facts.percent(share)
            + "), e.g. "
            + Facts.list(
                examples.subList(0, Math.min(s.examples(), examples.size())), s.examples());
    return found(config, share, evidence);
  }
}
