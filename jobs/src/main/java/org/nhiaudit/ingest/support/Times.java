package org.nhiaudit.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the time stamps audit exports write: ISO-8601 with {@code Z}, with an offset, with 0 to 9
 * fraction digits, without any zone (taken as UTC, which is what the services that omit it mean),
 * and epoch milliseconds as a number or a string of digits.
 *
 * <p>Epoch seconds are not recognised: a bare number is always taken as milliseconds.
 */
public final class Times {

  private Times() {}

  /** The instant {@code node} holds, or null when it is absent or not a time. */
  public static Instant parse(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.asLong());
    }
    return node.isTextual() ? parse(node.asText()) : null;
  }

  /** The instant {@code text} holds, or null when it is blank or not a time. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      return value.length() > 18 ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException offsetMissing) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notATime) {
        return null;
      }
    }
  }
}
