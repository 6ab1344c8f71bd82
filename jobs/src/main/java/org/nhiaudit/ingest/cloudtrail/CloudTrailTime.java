package org.nhiaudit.ingest.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Reads the time stamps that CloudTrail and the tools around it write: {@code
 * 2023-07-10T11:42:18Z}, with fractional seconds, with an offset ({@code +11:00} or {@code +1100}),
 * with a space instead of {@code T}, and epoch seconds or milliseconds as some shippers store them.
 *
 * <p>A stamp without any zone is read as UTC, because CloudTrail writes UTC and the shippers that
 * drop the zone copy that value; a stamp in local time without a zone would be misplaced by its
 * offset.
 */
final class CloudTrailTime {

  /** Numbers above this are milliseconds; below, seconds (year 5138 in seconds). */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  /** Strict, so that an impossible date such as February 30 is refused, not moved. */
  private static final DateTimeFormatter ZONED =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  private CloudTrailTime() {}

  /** The instant {@code text} names, or null when it is not a time stamp of a known form. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (isPlainUtc(text)) {
      return plainUtc(text);
    }
    String value = text.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      return fromEpoch(value);
    }
    if (value.length() > 10 && value.charAt(10) == ' ') {
      value = value.substring(0, 10) + 'T' + value.substring(11);
    }
    try {
      var parsed = ZONED.parse(value);
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return OffsetDateTime.from(parsed).toInstant();
      }
      return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * CloudTrail's own form, {@code 2026-11-30T12:34:56Z}, which nearly every record has: read by
   * hand, since the general formatter costs about as much as the rest of the record's parse.
   */
  private static boolean isPlainUtc(String t) {
    if (t.length() != 20 || t.charAt(19) != 'Z') {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = t.charAt(i);
      char expected = SHAPE.charAt(i);
      boolean ok = expected == '9' ? c >= '0' && c <= '9' : c == expected;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static final String SHAPE = "9999-99-99T99:99:99";

  private static Instant plainUtc(String t) {
    int hour = digits(t, 11);
    int minute = digits(t, 14);
    int second = digits(t, 17);
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    try {
      long day =
          LocalDate.of(digits(t, 0) * 100 + digits(t, 2), digits(t, 5), digits(t, 8)).toEpochDay();
      return Instant.ofEpochSecond(day * 86_400 + hour * 3600 + minute * 60 + second);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String t, int at) {
    return (t.charAt(at) - '0') * 10 + (t.charAt(at + 1) - '0');
  }

  private static Instant fromEpoch(String digits) {
    if (digits.length() > 15) {
      return null;
    }
    long number = Long.parseLong(digits);
    return number >= MILLIS_THRESHOLD
        ? Instant.ofEpochMilli(number)
        : Instant.ofEpochSecond(number);
  }
}
