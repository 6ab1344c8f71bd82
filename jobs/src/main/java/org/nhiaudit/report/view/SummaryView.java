package org.nhiaudit.report.view;

import java.util.List;

/**
 * The figures of the executive summary.
 *
 * @param total how many credentials were scored
 * @param meanScore the mean score, one decimal
 * @param byProvider credentials per platform, largest first
 * @param byKind credentials per kind, largest first
 * @param bySeverity credentials per severity, critical first
 * @param shares dormant, old and over-privileged shares
 * @param riskiest the ten riskiest credentials
 * @param riskChart the score distribution
 * @param ageChart credential age
 * @param severityChart credentials per severity
 * @param change what changed since the previous run, or null when none was given
 */
public record SummaryView(
    long total,
    String meanScore,
    List<CountRow> byProvider,
    List<CountRow> byKind,
    List<SeverityRow> bySeverity,
    List<Share> shares,
    List<CredentialView> riskiest,
    BarChart riskChart,
    BarChart ageChart,
    BarChart severityChart,
    ChangeView change) {

  public SummaryView {
    byProvider = List.copyOf(byProvider);
    byKind = List.copyOf(byKind);
    bySeverity = List.copyOf(bySeverity);
    shares = List.copyOf(shares);
    riskiest = List.copyOf(riskiest);
  }
}
