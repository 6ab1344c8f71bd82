package org.nhiaudit.ingest.generic;

import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordKeys;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.ingest.support.Times;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * The project's own normalised event format, for systems without a dedicated reader; described in
 * {@code docs/generic-log-format.md}. A JSON record is recognised by the marker field {@code
 * "nhi_audit_event": 1}; a CSV row by having the columns {@code time}, {@code identity} and {@code
 * action} (the marker column is optional there).
 *
 * <p>The writer of the records decides the actor class; this parser checks and copies it, with rule
 * {@code generic.declared}. Enumerations are read case-insensitively, with {@code -} and {@code _}
 * alike. {@code resources} is a JSON array or, in CSV, a list separated by {@code ;}.
 */
public final class GenericEventParser implements RecordParser {

  /** The marker field of the JSON form. */
  public static final String MARKER = "nhi_audit_event";

  private static final List<String> REQUIRED =
      List.of("time", "provider", "identity", "action", "actor_class");

  /** The fields of the format; a record's other fields are never read. */
  private static final RecordKeys READS =
      RecordKeys.of(
          MARKER,
          "time",
          "provider",
          "account",
          "identity",
          "identity_type",
          "credential",
          "credential_kind",
          "action",
          "resources",
          "source_address",
          "user_agent",
          "outcome",
          "error_code",
          "region",
          "actor_class");

  @Override
  public String format() {
    return "generic";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  @Override
  public boolean accepts(JsonNode record) {
    if (record.has(MARKER)) {
      return true;
    }
    return record.has("time")
        && record.has("identity")
        && record.has("action")
        && record.has("actor_class");
  }

  @Override
  public ParseOutcome parse(JsonNode r, Origin origin) {
    if (r.has(MARKER) && r.path(MARKER).asInt(0) != 1) {
      return ParseOutcome.rejected("generic event with unsupported " + MARKER + " version");
    }
    for (String field : REQUIRED) {
      if (text(r, field) == null) {
        return ParseOutcome.rejected("generic event without " + field);
      }
    }
    Instant time = Times.parse(r.path("time"));
    ActorClass actorClass = enumValue(ActorClass.class, text(r, "actor_class"));
    CredentialKind kind = enumValue(CredentialKind.class, text(r, "credential_kind"));
    Outcome outcome = enumValue(Outcome.class, text(r, "outcome"));
    if (time == null) {
      return ParseOutcome.rejected("generic event with unreadable time '" + text(r, "time") + "'");
    }
    if (actorClass == null) {
      return ParseOutcome.rejected("generic event with unknown actor_class");
    }
    if (kind == null && text(r, "credential_kind") != null) {
      return ParseOutcome.rejected("generic event with unknown credential_kind");
    }
    if (outcome == null && text(r, "outcome") != null) {
      return ParseOutcome.rejected("generic event with unknown outcome");
    }
    return ParseOutcome.parsed(
        new AccessEvent(
            time,
            text(r, "provider"),
            text(r, "account"),
            text(r, "identity"),
            text(r, "identity_type"),
            text(r, "credential"),
            kind == null ? CredentialKind.UNKNOWN : kind,
            text(r, "action"),
            resources(r.path("resources")),
            text(r, "source_address"),
            text(r, "user_agent"),
            outcome == null ? Outcome.SUCCESS : outcome,
            text(r, "error_code"),
            text(r, "region"),
            actorClass,
            "generic.declared",
            origin));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
    if (text == null) {
      return null;
    }
    String name = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(name)) {
        return value;
      }
    }
    return null;
  }

  private static List<String> resources(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node.isTextual()) {
      for (String part : node.asText().split(";")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }
}
