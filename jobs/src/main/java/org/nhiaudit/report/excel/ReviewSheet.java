package org.nhiaudit.report.excel;

import java.time.LocalDate;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.nhiaudit.report.view.CredentialView;

/**
 * The review sheet: one row per credential, the reviewer's columns last. Only the reviewer's cells
 * are unlocked. The protection has no password: it keeps a reviewer from overwriting the run's
 * facts by accident, it does not stop someone who means to change them.
 */
final class ReviewSheet {

  static final LocalDate FIRST_DECISION_DATE = LocalDate.of(2000, 1, 1);
  static final LocalDate LAST_DECISION_DATE = LocalDate.of(2099, 12, 31);

  private final SXSSFSheet sheet;
  private final TableWriter<CredentialView> table;

  ReviewSheet(SXSSFWorkbook workbook, Cells cells) {
    this.sheet = workbook.createSheet(SheetName.REVIEW.title());
    this.table = new TableWriter<>(sheet, Arrays.asList(ReviewColumn.values()), cells, 0);
  }

  void write(CredentialView credential) {
    table.write(credential);
  }

  void finish() {
    table.finish(true);
    decisionList();
    decisionDate();
    severityColours();
    protect();
  }

  private CellRangeAddressList rows(ReviewColumn column) {
    return new CellRangeAddressList(1, table.lastRow(), column.ordinal(), column.ordinal());
  }

  private void decisionList() {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidationConstraint list = helper.createExplicitListConstraint(Decision.labels());
    DataValidation v = helper.createValidation(list, rows(ReviewColumn.DECISION));
    v.setShowErrorBox(true);
    v.setErrorStyle(DataValidation.ErrorStyle.STOP);
    v.createErrorBox("Decision", "Choose keep, rotate, reduce, revoke or defer.");
    sheet.addValidationData(v);
  }

  private void decisionDate() {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidationConstraint dates =
        helper.createDateConstraint(
            DataValidationConstraint.OperatorType.BETWEEN,
            serial(FIRST_DECISION_DATE),
            serial(LAST_DECISION_DATE),
            null);
    DataValidation v = helper.createValidation(dates, rows(ReviewColumn.DECISION_DATE));
    v.setShowErrorBox(true);
    v.createErrorBox("Decision date", "Enter a date, e.g. 2025-07-15.");
    sheet.addValidationData(v);
  }

  /** The spreadsheet's day number of {@code date}, as validation bounds are stored. */
  private static String serial(LocalDate date) {
    return String.valueOf((long) DateUtil.getExcelDate(date));
  }

  private void severityColours() {
    SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
    int col = ReviewColumn.SEVERITY.ordinal();
    CellRangeAddress[] range = {new CellRangeAddress(1, table.lastRow(), col, col)};
    for (SeverityColour colour : SeverityColour.values()) {
      ConditionalFormattingRule rule =
          formatting.createConditionalFormattingRule(
              ComparisonOperator.EQUAL, "\"" + colour.name() + "\"", null);
      PatternFormatting fill = rule.createPatternFormatting();
      fill.setFillBackgroundColor(colour.index());
      fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
      formatting.addConditionalFormatting(range, rule);
    }
  }

  private void protect() {
    sheet.enableLocking();
    sheet.lockAutoFilter(false);
    sheet.lockSort(false);
    sheet.lockFormatColumns(false);
    sheet.lockSelectLockedCells(false);
    sheet.lockSelectUnlockedCells(false);
  }
}
