package org.nhiaudit.report.excel;

/** The sheets of a review workbook, in order. */
public enum SheetName {
  SUMMARY("Summary"),
  REVIEW("Review"),
  UNUSED_PERMISSIONS("Unused permissions"),
  USAGE("Usage evidence"),
  ACCOUNTING("Run accounting");

  private final String title;

  SheetName(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
