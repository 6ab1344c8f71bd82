package org.nhiaudit.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Parsing of the value forms that inventory exports use for dates, flags and tags. */
final class InventoryValues {

  /** Words that exports put in a date or flag column to say "no value". */
  private static final Set<String> NO_VALUE =
      Set.of("", "n/a", "no_information", "not_supported", "null", "none");

  private InventoryValues() {}

  /**
   * Reads a point in time. Accepts ISO dates ({@code 2024-01-31}, taken as midnight UTC), ISO
   * date-times with {@code T} or with a space between date and time (the form Python prints), with
   * a {@code Z} or numeric offset, or without one (then taken as UTC), and the sentinel words of
   * {@link #NO_VALUE}, which give null.
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  static Instant instant(String text) {
    if (isAbsent(text)) {
      return null;
    }
    String value = text.trim();
    if (value.length() > 10 && value.charAt(10) == ' ') {
      value = value.substring(0, 10) + 'T' + value.substring(11);
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              value.toUpperCase(Locale.ROOT), OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime offset) {
        return offset.toInstant();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date or date-time: '" + text + "'", e);
    }
  }

  /**
   * Reads a flag: {@code true}/{@code false} in any case, also {@code yes}/{@code no}; sentinel
   * words give null.
   *
   * @throws IllegalArgumentException for anything else
   */
  static Boolean flag(String text) {
    if (isAbsent(text)) {
      return null;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> Boolean.TRUE;
      case "false", "no" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not true or false: '" + text + "'");
    };
  }

  /** True when the text is null, blank or one of the "no value" words. */
  static boolean isAbsent(String text) {
    return text == null || NO_VALUE.contains(text.trim().toLowerCase(Locale.ROOT));
  }

  /** The trimmed text, or null when absent. */
  static String text(String text) {
    return isAbsent(text) ? null : text.trim();
  }

  /**
   * The value of the first tag whose key names the given role. Keys are compared without case and
   * without {@code -} or {@code _}, so {@code Owner}, {@code owner} and {@code owned_by} all count.
   * Keys are visited in sorted order so that the answer does not depend on map order.
   */
  static String tag(Map<String, String> tags, TagRole role) {
    for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
      String key = tag.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
      if (role.keys.contains(key) && !isAbsent(tag.getValue())) {
        return tag.getValue().trim();
      }
    }
    return null;
  }

  /** What a tag can tell about a principal, with the normalised keys that say it. */
  enum TagRole {
    OWNER(Set.of("owner", "ownedby", "contact", "owneremail")),
    TEAM(Set.of("team", "ownerteam", "squad")),
    ENVIRONMENT(Set.of("environment", "env", "stage"));

    private final Set<String> keys;

    TagRole(Set<String> keys) {
      this.keys = keys;
    }
  }

  /** The account of an ARN ({@code arn:partition:service:region:account:resource}), or null. */
  static String accountOf(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
  }
}
