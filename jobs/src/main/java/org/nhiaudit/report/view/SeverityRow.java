package org.nhiaudit.report.view;

import java.util.Locale;

/** How many credentials fall in one severity band, and their share of all. */
public record SeverityRow(String severity, long count, String percent) {

  public String cssClass() {
    return cssClass(severity);
  }

  static String cssClass(String severity) {
    return "sev-" + severity.toLowerCase(Locale.ROOT);
  }
}
