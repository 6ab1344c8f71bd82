package org.nhiaudit.report.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes a table of named columns into a sheet from a given row on: a header, then one row per
 * value. Widths are measured while writing, so a streamed sheet needs no auto-size pass.
 *
 * @param <T> what one row shows
 */
final class TableWriter<T> {

  private static final int PADDING = 2;

  private final Sheet sheet;
  private final List<? extends Column<T>> columns;
  private final Cells cells;
  private final int headerRow;
  private final int[] widths;
  private int next;

  TableWriter(Sheet sheet, List<? extends Column<T>> columns, Cells cells, int headerRow) {
    this.sheet = sheet;
    this.columns = columns;
    this.cells = cells;
    this.headerRow = headerRow;
    this.widths = new int[columns.size()];
    this.next = headerRow;
    writeHeader();
  }

  private void writeHeader() {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < columns.size(); i++) {
      String header = columns.get(i).header();
      cells.label(row, i, header, Style.HEADER);
      widths[i] = Math.min(header.length(), columns.get(i).maxWidth());
    }
  }

  void write(T value) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < columns.size(); i++) {
      Column<T> column = columns.get(i);
      if (column.editable() != null) {
        cells.blank(row, i, column.editable());
      } else {
        measure(i, cells.write(row, i, column.value(value)));
      }
    }
  }

  /** The number of data rows written so far. */
  int rows() {
    return next - headerRow - 1;
  }

  int headerRow() {
    return headerRow;
  }

  /** The first and last data row, for validations and formatting; one row when empty. */
  int lastRow() {
    return Math.max(headerRow + 1, next - 1);
  }

  /** Sets the measured widths; with {@code filter}, freezes the header and adds an auto-filter. */
  void finish(boolean filter) {
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, (widths[i] + PADDING) * 256);
    }
    if (filter) {
      sheet.createFreezePane(0, headerRow + 1);
      sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow(), 0, columns.size() - 1));
    }
  }

  private void measure(int column, Cell cell) {
    int length =
        switch (cell.getCellType()) {
          case STRING -> longestLine(cell.getStringCellValue());
          case NUMERIC -> cell.getCellStyle().getDataFormat() == 0 ? 8 : 16;
          default -> 0;
        };
    widths[column] = Math.max(widths[column], Math.min(length, columns.get(column).maxWidth()));
  }

  private static int longestLine(String text) {
    int longest = 0;
    for (String line : text.split("\n", -1)) {
      longest = Math.max(longest, line.length());
    }
    return longest;
  }
}
