package org.nhiaudit.report.excel;

import org.apache.poi.ss.usermodel.IndexedColors;

/** The fill of each severity on the review sheet, matching the HTML packets' colours. */
enum SeverityColour {
  CRITICAL(IndexedColors.RED),
  HIGH(IndexedColors.ORANGE),
  MEDIUM(IndexedColors.GOLD),
  LOW(IndexedColors.LIGHT_GREEN),
  INFO(IndexedColors.GREY_25_PERCENT);

  private final IndexedColors colour;

  SeverityColour(IndexedColors colour) {
    this.colour = colour;
  }

  short index() {
    return colour.getIndex();
  }
}
