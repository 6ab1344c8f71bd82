package org.nhiaudit.report.excel;

/**
 * One column of a table sheet: its header, the widest it may grow, and how a row fills it.
 *
 * @param <T> what one row of the table shows
 */
interface Column<T> {

  String header();

  /** The widest the column may grow, in characters. */
  int maxWidth();

  /** The value of this column for {@code row}; numbers, instants and text are written by type. */
  Object value(T row);

  /** The style of a reviewer's cell, or null when the column is filled from the run. */
  default Style editable() {
    return null;
  }
}
