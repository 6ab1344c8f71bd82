package org.nhiaudit.report.view;

import java.util.List;

/**
 * What changed since an earlier run.
 *
 * @param previousAsOf the as-of date of the earlier run
 * @param before credentials in the earlier run
 * @param now credentials in this run
 * @param meanBefore the mean score of the earlier run, one decimal
 * @param meanNow the mean score of this run, one decimal
 * @param appeared credentials in this run only
 * @param gone credentials in the earlier run only
 * @param riskUp credentials whose score rose
 * @param riskDown credentials whose score fell
 * @param severities per severity, the counts then and now
 * @param movers the largest score changes, largest first
 */
public record ChangeView(
    String previousAsOf,
    long before,
    long now,
    String meanBefore,
    String meanNow,
    long appeared,
    long gone,
    long riskUp,
    long riskDown,
    List<SeverityChange> severities,
    List<Mover> movers) {

  public ChangeView {
    severities = List.copyOf(severities);
    movers = List.copyOf(movers);
  }

  /** Whether risk fell overall, judged by the mean score alone. */
  public boolean better() {
    return Double.parseDouble(meanNow) < Double.parseDouble(meanBefore);
  }

  /** One severity band then and now. */
  public record SeverityChange(String severity, long before, long now) {
    public long delta() {
      return now - before;
    }

    public String cssClass() {
      return SeverityRow.cssClass(severity);
    }
  }

  /**
   * One credential whose risk moved, appeared or disappeared.
   *
   * @param credential the masked id
   * @param before the earlier score, or null when new
   * @param now the current score, or null when gone
   */
  public record Mover(String credential, String identity, Integer before, Integer now) {
    public String change() {
      if (before == null) {
        return "new";
      }
      if (now == null) {
        return "gone";
      }
      int d = now - before;
      return d > 0 ? "+" + d : String.valueOf(d);
    }
  }
}
