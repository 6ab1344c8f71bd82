package org.nhiaudit.report.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting of dates, shares and enum names for people, the same on every page and sheet. */
public final class Texts {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Texts() {}

  public static String date(Instant instant, String whenNull) {
    return instant == null ? whenNull : DATE.format(instant);
  }

  public static String dateTime(Instant instant, String whenNull) {
    return instant == null ? whenNull : DATE_TIME.format(instant);
  }

  /** A whole percent; "0%" of nothing. */
  public static String percent(long part, long whole) {
    return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
  }

  public static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code ASSIGN_OWNER} as "Assign owner". */
  public static String enumName(Enum<?> value) {
    if (value == null) {
      return "";
    }
    String lower = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
