package org.nhiaudit.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.nhiaudit.report.ReportException;
import org.nhiaudit.report.view.CredentialView;
import org.nhiaudit.report.view.ReportView;
import org.nhiaudit.report.view.SummaryView;

/**
 * Writes a review workbook: summary with a chart, the review sheet, unused permissions, usage
 * evidence and the run's accounting. The summary is a full XSSF sheet (charts need one); every
 * other sheet streams, keeping only a window of rows in memory however many credentials there are.
 */
public final class WorkbookWriter {

  /** Rows a streamed sheet keeps in memory before flushing to a temporary file. */
  static final int ROW_WINDOW = 200;

  /**
   * Writes {@code credentials} (riskiest first) to {@code file}.
   *
   * @param summary the figures of the summary sheet: the whole run's or one owner's
   * @param scope what the workbook covers, e.g. "all owners" or an owner's name
   */
  public void write(
      ReportView report,
      SummaryView summary,
      String scope,
      List<CredentialView> credentials,
      Path file) {
    XSSFWorkbook base = new XSSFWorkbook();
    Cells cells = new Cells(new Styles(base));
    SummarySheet.write(base, cells, report, summary, scope);
    SXSSFWorkbook workbook = new SXSSFWorkbook(base, ROW_WINDOW);
    try {
      review(workbook, cells, credentials);
      unusedPermissions(workbook, cells, credentials);
      usage(workbook, cells, credentials);
      Sheet accounting = workbook.createSheet(SheetName.ACCOUNTING.title());
      AccountingSheet.write(accounting, cells, report.evidence());
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    } catch (IOException e) {
      throw new ReportException("cannot write workbook " + file + ": " + e.getMessage(), e);
    } finally {
      workbook.dispose();
      closeQuietly(workbook);
    }
  }

  private static void review(SXSSFWorkbook wb, Cells cells, List<CredentialView> credentials) {
    ReviewSheet sheet = new ReviewSheet(wb, cells);
    credentials.forEach(sheet::write);
    sheet.finish();
  }

  private static void unusedPermissions(
      SXSSFWorkbook wb, Cells cells, List<CredentialView> credentials) {
    Sheet sheet = wb.createSheet(SheetName.UNUSED_PERMISSIONS.title());
    TableWriter<UnusedPermissionColumn.Row> table =
        new TableWriter<>(sheet, Arrays.asList(UnusedPermissionColumn.values()), cells, 0);
    for (CredentialView c : credentials) {
      if (c.permissions() != null) {
        c.permissions().unused().forEach(p -> table.write(new UnusedPermissionColumn.Row(c, p)));
      }
    }
    table.finish(true);
  }

  private static void usage(SXSSFWorkbook wb, Cells cells, List<CredentialView> credentials) {
    Sheet sheet = wb.createSheet(SheetName.USAGE.title());
    TableWriter<CredentialView> table =
        new TableWriter<>(sheet, Arrays.asList(UsageColumn.values()), cells, 0);
    credentials.stream().filter(c -> c.usage() != null).forEach(table::write);
    table.finish(true);
  }

  /** Closing only releases resources here; a failure to do so must not hide the real outcome. */
  private static void closeQuietly(SXSSFWorkbook workbook) {
    try {
      workbook.close();
    } catch (IOException ignored) {
      // nothing was left to write
    }
  }
}
