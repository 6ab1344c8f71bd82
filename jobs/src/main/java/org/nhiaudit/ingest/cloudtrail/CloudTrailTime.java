package org.nhiaudit.ingest.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
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
