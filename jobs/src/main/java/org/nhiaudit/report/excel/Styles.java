package org.nhiaudit.report.excel;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell style of each {@link Style}, made once per workbook. */
final class Styles {

  static final String DATE_FORMAT = "yyyy-mm-dd hh:mm";
  static final String DECISION_DATE_FORMAT = "yyyy-mm-dd";

  private final Map<Style, CellStyle> styles = new EnumMap<>(Style.class);

  Styles(Workbook workbook) {
    for (Style style : Style.values()) {
      styles.put(style, create(workbook, style));
    }
  }

  CellStyle get(Style style) {
    return styles.get(style);
  }

  private static CellStyle create(Workbook wb, Style style) {
    CellStyle s = wb.createCellStyle();
    s.setLocked(true);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    switch (style) {
      case TITLE -> s.setFont(font(wb, true, 14));
      case HEADER -> header(wb, s);
      case TEXT_QUOTED -> s.setQuotePrefixed(true);
      case DATE -> s.setDataFormat(wb.createDataFormat().getFormat(DATE_FORMAT));
      case EDITABLE_TEXT -> editable(s);
      case EDITABLE_DATE -> {
        editable(s);
        s.setDataFormat(wb.createDataFormat().getFormat(DECISION_DATE_FORMAT));
      }
      default -> {}
    }
    return s;
  }

  private static void header(Workbook wb, CellStyle s) {
    s.setFont(font(wb, true, 11));
    s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    s.setBorderBottom(BorderStyle.THIN);
    s.setWrapText(true);
  }

  /** Reviewer cells: unlocked so they stay editable under sheet protection, and tinted. */
  private static void editable(CellStyle s) {
    s.setLocked(false);
    s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    s.setBorderBottom(BorderStyle.HAIR);
  }

  private static Font font(Workbook wb, boolean bold, int points) {
    Font f = wb.createFont();
    f.setBold(bold);
    f.setFontHeightInPoints((short) points);
    return f;
  }
}
