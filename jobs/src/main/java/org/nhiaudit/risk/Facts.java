package org.nhiaudit.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Small formatting and arithmetic shared by the factors' evidence sentences. */
final class Facts {

  private Facts() {}

  /** Whole days from {@code from} to {@code to}; part days are dropped, negative if reversed. */
  static long days(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }

  /** The UTC date of {@code instant}, e.g. 2025-03-01. */
  static String date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  /** A share as a whole percentage, e.g. "38%". */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** Up to {@code max} values joined by commas, then "and N more" for the rest. */
  static String list(List<String> values, int max) {
    if (values.size() <= max) {
      return String.join(", ", values);
    }
    return String.join(", ", values.subList(0, max)) + " and " + (values.size() - max) + " more";
  }

  /**
   * A value chosen by a client, made safe to quote in a sentence: control characters become spaces,
   * double quotes become single ones, and it is cut to {@code max} characters.
   */
  static String quoted(String value, int max) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(max)
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c == '"' ? '\'' : c));
    String cut = value.codePointCount(0, value.length()) > max ? out + "\u2026" : out.toString();
    return "\"" + cut + "\"";
  }
}
