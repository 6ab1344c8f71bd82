package org.nhiaudit.report.excel;

/** The cell styles of the workbooks. Every style is locked unless its name says editable. */
enum Style {
  TITLE,
  HEADER,
  TEXT,
  /** Text that a spreadsheet would otherwise read as a formula; shown and kept as typed. */
  TEXT_QUOTED,
  NUMBER,
  DATE,
  EDITABLE_TEXT,
  EDITABLE_DATE
}
