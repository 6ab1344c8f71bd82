package org.nhiaudit.report.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.nhiaudit.report.view.ChangeView;
import org.nhiaudit.report.view.CountRow;
import org.nhiaudit.report.view.CredentialView;
import org.nhiaudit.report.view.ReportView;
import org.nhiaudit.report.view.SeverityRow;
import org.nhiaudit.report.view.Share;
import org.nhiaudit.report.view.SummaryView;

/**
 * The summary sheet: the executive summary's figures and a native bar chart of severities. Charts
 * need a full XSSF sheet, so this sheet is built before the workbook is wrapped for streaming.
 */
final class SummarySheet {

  private static final int CHART_COLUMN = 5;
  private static final int CHART_WIDTH = 8;
  private static final int CHART_HEIGHT = 18;

  private final XSSFSheet sheet;
  private final Cells cells;
  private int next;

  private SummarySheet(XSSFWorkbook workbook, Cells cells) {
    this.sheet = workbook.createSheet(SheetName.SUMMARY.title());
    this.cells = cells;
  }

  static void write(
      XSSFWorkbook workbook, Cells cells, ReportView report, SummaryView s, String scope) {
    new SummarySheet(workbook, cells).fill(report, s, scope);
  }

  private void fill(ReportView report, SummaryView s, String scope) {
    cells.label(sheet.createRow(next++), 0, report.title(), Style.TITLE);
    pair("Scope", scope);
    pair("As of", report.asOf());
    pair("Tool", report.evidence().tool());
    pair("Credentials", s.total());
    pair("Mean score", s.meanScore());
    next++;
    int severityHeader = severities(s.bySeverity());
    shares(s.shares());
    counts("Provider", s.byProvider());
    counts("Kind", s.byKind());
    riskiest(s.riskiest());
    if (s.change() != null) {
      change(s.change());
    }
    chart(severityHeader + 1, s.bySeverity().size());
    sheet.setColumnWidth(0, 34 * 256);
    sheet.setColumnWidth(1, 40 * 256);
    sheet.setColumnWidth(2, 28 * 256);
    sheet.setColumnWidth(3, 12 * 256);
    sheet.setColumnWidth(4, 60 * 256);
    sheet.enableLocking();
  }

  private void pair(String label, Object value) {
    Row row = sheet.createRow(next++);
    cells.label(row, 0, label, Style.HEADER);
    cells.write(row, 1, value);
  }

  private Row header(String... labels) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < labels.length; i++) {
      cells.label(row, i, labels[i], Style.HEADER);
    }
    return row;
  }

  /** Writes the severity table and returns its header row, the chart's data. */
  private int severities(List<SeverityRow> rows) {
    int headerRow = header("Severity", "Credentials", "Share").getRowNum();
    for (SeverityRow r : rows) {
      Row row = sheet.createRow(next++);
      cells.write(row, 0, r.severity());
      cells.write(row, 1, r.count());
      cells.write(row, 2, r.percent());
    }
    next++;
    return headerRow;
  }

  private void shares(List<Share> shares) {
    header("Property", "Credentials", "Of", "Share", "How it was decided");
    for (Share s : shares) {
      Row row = sheet.createRow(next++);
      cells.write(row, 0, s.label());
      cells.write(row, 1, s.count());
      cells.write(row, 2, s.of());
      cells.write(row, 3, s.percent());
      cells.write(row, 4, s.definition());
    }
    next++;
  }

  private void counts(String what, List<CountRow> rows) {
    header(what, "Credentials");
    for (CountRow r : rows) {
      Row row = sheet.createRow(next++);
      cells.write(row, 0, r.label());
      cells.write(row, 1, r.count());
    }
    next++;
  }

  private void riskiest(List<CredentialView> top) {
    header("The riskiest: identity", "Credential (masked)", "Owner", "Score", "Main reason");
    for (CredentialView c : top) {
      Row row = sheet.createRow(next++);
      cells.write(row, 0, c.identity());
      cells.write(row, 1, c.credential());
      cells.write(row, 2, c.ownerLabel());
      cells.write(row, 3, c.score());
      cells.write(row, 4, c.mainReason());
    }
    next++;
  }

  private void change(ChangeView ch) {
    header("Since the run of " + ch.previousAsOf(), "Before", "Now");
    change("Credentials", ch.before(), ch.now());
    change("Mean score", ch.meanBefore(), ch.meanNow());
    for (ChangeView.SeverityChange s : ch.severities()) {
      change(s.severity(), s.before(), s.now());
    }
    header("Movement", "Credentials");
    change("New", ch.appeared(), null);
    change("Gone", ch.gone(), null);
    change("Risk up", ch.riskUp(), null);
    change("Risk down", ch.riskDown(), null);
  }

  private void change(String label, Object before, Object now) {
    Row row = sheet.createRow(next++);
    cells.write(row, 0, label);
    cells.write(row, 1, before);
    if (now != null) {
      cells.write(row, 2, now);
    }
  }

  private void chart(int firstRow, int count) {
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor =
        drawing.createAnchor(
            0, 0, 0, 0, CHART_COLUMN, 1, CHART_COLUMN + CHART_WIDTH, 1 + CHART_HEIGHT);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText("Credentials by severity");
    chart.setTitleOverlay(false);
    XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    int last = firstRow + count - 1;
    XDDFDataSource<String> names =
        XDDFDataSourcesFactory.fromStringCellRange(
            sheet, new CellRangeAddress(firstRow, last, 0, 0));
    XDDFNumericalDataSource<Double> values =
        XDDFDataSourcesFactory.fromNumericCellRange(
            sheet, new CellRangeAddress(firstRow, last, 1, 1));
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
    data.setBarDirection(BarDirection.COL);
    data.setVaryColors(false);
    data.addSeries(names, values).setTitle("Credentials", null);
    chart.plot(data);
  }
}
