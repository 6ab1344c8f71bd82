package org.nhiaudit.report.view;

import java.util.List;

/**
 * Everything the packets lay out, built once per report.
 *
 * @param title the report title
 * @param asOf the as-of date, for people
 * @param summary the executive summary
 * @param evidence the run's accounting
 * @param owners every owner with their counts, by name, unowned last
 * @param riskiest the riskiest credentials, shown in full in the full packet
 * @param riskiestLimit the most credentials the full packet shows in full
 */
public record ReportView(
    String title,
    String asOf,
    SummaryView summary,
    EvidenceView evidence,
    List<OwnerView> owners,
    List<CredentialView> riskiest,
    int riskiestLimit) {

  public ReportView {
    owners = List.copyOf(owners);
    riskiest = List.copyOf(riskiest);
  }

  /** Whether the full packet leaves credentials out of its detail section. */
  public boolean riskiestTruncated() {
    return summary.total() > riskiest.size();
  }
}
