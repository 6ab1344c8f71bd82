package org.nhiaudit.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.model.Mask;
import org.nhiaudit.report.ReportGenerator;
import org.nhiaudit.report.ReportRequest;
import org.nhiaudit.report.ReportResult;
import org.nhiaudit.report.RunFixtures;
import org.nhiaudit.risk.Severity;

/** Renders the workbooks of a hostile run and reads them back with POI. */
class WorkbookTest {

  @TempDir static Path tmp;
  static ReportResult result;
  static XSSFWorkbook workbook;

  @BeforeAll
  static void render() throws IOException {
    Path run = RunFixtures.hostileRun(tmp.resolve("run"));
    result = new ReportGenerator().generate(ReportRequest.of(run, tmp.resolve("out")));
    workbook = open(result.workbook());
  }

  static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  @AfterAll
  static void close() throws IOException {
    workbook.close();
  }

  static Sheet sheet(SheetName name) {
    return workbook.getSheet(name.title());
  }

  static List<Cell> allCells(XSSFWorkbook wb) {
    List<Cell> cells = new ArrayList<>();
    wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cells::add)));
    return cells;
  }

  static Row reviewRow(String identity) {
    for (Row row : sheet(SheetName.REVIEW)) {
      Cell c = row.getCell(ReviewColumn.IDENTITY.ordinal());
      if (c != null && identity.equals(c.getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no review row for " + identity);
  }

  @Test
  void hasTheSheetsInOrder() {
    List<String> names = new ArrayList<>();
    workbook.forEach(s -> names.add(s.getSheetName()));
    assertThat(names)
        .containsExactlyElementsOf(
            Arrays.stream(SheetName.values()).map(SheetName::title).toList());
  }

  @Test
  void reviewSheetHasOneRowPerCredentialUnderNamedHeaders() {
    Sheet review = sheet(SheetName.REVIEW);
    List<String> headers = new ArrayList<>();
    review.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
    assertThat(headers)
        .containsExactlyElementsOf(
            Arrays.stream(ReviewColumn.values()).map(ReviewColumn::header).toList());
    assertThat(review.getLastRowNum()).isEqualTo(result.credentials());
    Row hostile = reviewRow(RunFixtures.SVG_IDENTITY);
    assertThat(hostile.getCell(ReviewColumn.SCORE.ordinal()).getNumericCellValue()).isEqualTo(91);
    assertThat(hostile.getCell(ReviewColumn.SEVERITY.ordinal()).getStringCellValue())
        .isEqualTo("CRITICAL");
    assertThat(hostile.getCell(ReviewColumn.CREDENTIAL.ordinal()).getStringCellValue())
        .isEqualTo(Mask.credential(RunFixtures.KEY_HOSTILE));
  }

  @Test
  void noCellIsAFormulaAndFormulaLikeTextIsQuotePrefixed() {
    List<Cell> cells = allCells(workbook);
    assertThat(cells).noneMatch(c -> c.getCellType() == CellType.FORMULA);
    List<Cell> formulaLike =
        cells.stream()
            .filter(c -> c.getCellType() == CellType.STRING)
            .filter(c -> Cells.formulaLike(c.getStringCellValue()))
            .toList();
    assertThat(formulaLike)
        .extracting(Cell::getStringCellValue)
        .contains(RunFixtures.HYPERLINK, RunFixtures.CMD_PERMISSION);
    assertThat(formulaLike).allMatch(c -> c.getCellStyle().getQuotePrefixed());
    Cell identity = reviewRow(RunFixtures.HYPERLINK).getCell(ReviewColumn.IDENTITY.ordinal());
    assertThat(identity.getCellStyle().getQuotePrefixed()).isTrue();
  }

  @Test
  void fullCredentialIdsAndLinksStayOut() {
    assertThat(allCells(workbook))
        .filteredOn(c -> c.getCellType() == CellType.STRING)
        .extracting(Cell::getStringCellValue)
        .noneMatch(s -> s.contains(RunFixtures.KEY_HOSTILE) || s.contains(RunFixtures.KEY_ALICE));
    assertThat(workbook.getExternalLinksTable()).isEmpty();
    workbook.forEach(s -> assertThat(((XSSFSheet) s).getHyperlinkList()).isEmpty());
  }

  @Test
  void decisionIsADropDownAndDecisionDateADate() {
    XSSFSheet review = (XSSFSheet) sheet(SheetName.REVIEW);
    DataValidation list = validation(review, ValidationType.LIST);
    assertThat(list.getValidationConstraint().getExplicitListValues())
        .containsExactly(Decision.labels());
    assertThat(list.getRegions().getCellRangeAddresses())
        .containsExactly(column(ReviewColumn.DECISION));
    DataValidation date = validation(review, ValidationType.DATE);
    assertThat(date.getRegions().getCellRangeAddresses())
        .containsExactly(column(ReviewColumn.DECISION_DATE));
  }

  private static CellRangeAddress column(ReviewColumn column) {
    int c = column.ordinal();
    return new CellRangeAddress(1, result.credentials(), c, c);
  }

  private static DataValidation validation(XSSFSheet sheet, int type) {
    return sheet.getDataValidations().stream()
        .filter(v -> v.getValidationConstraint().getValidationType() == type)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void onlyTheReviewersColumnsAreEditable() {
    XSSFSheet review = (XSSFSheet) sheet(SheetName.REVIEW);
    assertThat(review.getProtect()).isTrue();
    Row row = review.getRow(1);
    for (ReviewColumn column : ReviewColumn.values()) {
      boolean locked = row.getCell(column.ordinal()).getCellStyle().getLocked();
      assertThat(locked).as(column.header()).isEqualTo(column.editable() == null);
    }
  }

  @Test
  void headerIsFrozenFilteredAndSeveritiesColoured() {
    XSSFSheet review = (XSSFSheet) sheet(SheetName.REVIEW);
    assertThat(review.getPaneInformation().isFreezePane()).isTrue();
    assertThat(review.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
    assertThat(review.getCTWorksheet().isSetAutoFilter()).isTrue();
    assertThat(review.getSheetConditionalFormatting().getNumConditionalFormattings())
        .isEqualTo(Severity.values().length);
    int identityWidth = review.getColumnWidth(ReviewColumn.IDENTITY.ordinal());
    assertThat(identityWidth)
        .isBetween(
            ReviewColumn.IDENTITY.header().length() * 256,
            (ReviewColumn.IDENTITY.maxWidth() + 2) * 256);
  }

  @Test
  void summaryHasANativeBarChartOfSeverities() {
    XSSFSheet summary = (XSSFSheet) sheet(SheetName.SUMMARY);
    List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
    assertThat(charts).hasSize(1);
    assertThat(charts.get(0).getChartSeries().get(0)).isInstanceOf(XDDFBarChartData.class);
    XDDFBarChartData bars = (XDDFBarChartData) charts.get(0).getChartSeries().get(0);
    assertThat(bars.getSeries(0).getCategoryData().getPointCount())
        .isEqualTo(Severity.values().length);
  }

  @Test
  void unusedPermissionsAndUsageHaveARowEach() {
    assertThat(sheet(SheetName.UNUSED_PERMISSIONS).getLastRowNum())
        .isEqualTo(2 * result.credentials());
    assertThat(sheet(SheetName.USAGE).getLastRowNum()).isEqualTo(2);
  }

  @Test
  void eachOwnerHasAWorkbookOfTheirCredentials() throws IOException {
    int total = 0;
    for (ReportResult.OwnerFiles owner : result.owners()) {
      try (XSSFWorkbook wb = open(owner.workbook())) {
        total += wb.getSheet(SheetName.REVIEW.title()).getLastRowNum();
        assertThat(allCells(wb)).noneMatch(c -> c.getCellType() == CellType.FORMULA);
      }
    }
    assertThat(total).isEqualTo(result.credentials());
  }
}
