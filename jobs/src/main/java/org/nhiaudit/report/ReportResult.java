package org.nhiaudit.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The files one report wrote.
 *
 * @param out the output directory
 * @param index the page linking every packet
 * @param summary the one-page executive summary
 * @param packet the full packet: summary, owners, the riskiest credentials, evidence
 * @param workbook the full review workbook
 * @param owners one entry per owner, with its own packet and workbook
 * @param credentials how many credentials the report covers
 */
public record ReportResult(
    Path out,
    Path index,
    Path summary,
    Path packet,
    Path workbook,
    List<OwnerFiles> owners,
    int credentials) {

  public ReportResult {
    owners = List.copyOf(owners);
  }

  /** The packet and workbook of one owner. */
  public record OwnerFiles(String owner, Path packet, Path workbook) {}
}
