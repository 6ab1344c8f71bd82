package org.nhiaudit.report.excel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes values into cells; the one place text from the logs is neutralised for spreadsheets. Text
 * is always stored as a string, never as a formula, and text a spreadsheet would read as a formula
 * or a command when edited or exported (a leading {@code = + - @}, tab or carriage return) gets a
 * quote-prefixed style, the equivalent of typing an apostrophe in front of it.
 */
final class Cells {

  static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  private static final String CUT = " [cut]";

  private final Styles styles;

  Cells(Styles styles) {
    this.styles = styles;
  }

  Styles styles() {
    return styles;
  }

  /** Writes {@code value} by its type: number, instant as date, text; null leaves a blank cell. */
  Cell write(Row row, int column, Object value) {
    Cell cell = row.createCell(column);
    if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
      cell.setCellStyle(styles.get(Style.NUMBER));
    } else if (value instanceof Instant i) {
      cell.setCellValue(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
      cell.setCellStyle(styles.get(Style.DATE));
    } else if (value instanceof Boolean b) {
      text(cell, b ? "yes" : "no");
    } else if (value != null) {
      text(cell, value.toString());
    } else {
      cell.setCellStyle(styles.get(Style.TEXT));
    }
    return cell;
  }

  /** A blank cell of {@code style}, e.g. a reviewer's cell. */
  Cell blank(Row row, int column, Style style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(styles.get(style));
    return cell;
  }

  /** A cell of our own text, e.g. a header, in {@code style}. */
  Cell label(Row row, int column, String text, Style style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(text);
    cell.setCellStyle(styles.get(style));
    return cell;
  }

  private void text(Cell cell, String value) {
    String text =
        value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT - CUT.length()) + CUT : value;
    cell.setCellValue(text);
    cell.setCellStyle(styles.get(formulaLike(text) ? Style.TEXT_QUOTED : Style.TEXT));
  }

  /** Whether a spreadsheet could take {@code text} for a formula or command. */
  static boolean formulaLike(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r'
        || first == '\n';
  }
}
