package org.nhiaudit.report.excel;

import java.util.Arrays;
import java.util.Locale;

/** The decisions a reviewer may record for a credential; the drop-down of the review sheet. */
public enum Decision {
  KEEP,
  ROTATE,
  REDUCE,
  REVOKE,
  DEFER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String[] labels() {
    return Arrays.stream(values()).map(Decision::label).toArray(String[]::new);
  }
}
