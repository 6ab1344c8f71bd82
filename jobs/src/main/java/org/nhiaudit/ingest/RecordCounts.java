package org.nhiaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.Origin;

/**
 * Hands the records of one input (a file, a message) to their parsers and keeps the input's
 * accounting: every record read ends in exactly one of parsed, rejected or filtered, and every
 * parsed one in one actor class. The file reader and the Kafka source both take their records
 * through here, so the two count alike.
 */
public final class RecordCounts {

  private final ParserRegistry registry;
  private final Set<String> formats = new LinkedHashSet<>();
  private long read;
  private long parsed;
  private long rejected;
  private long filtered;
  private long nonHuman;
  private long human;
  private long service;
  private Instant firstEvent;
  private Instant lastEvent;

  public RecordCounts(ParserRegistry registry) {
    this.registry = registry;
  }

  /**
   * Reads one record: an event, a rejection, or null when the parser filtered it out. Never throws
   * for bad content; a parser that fails is a rejection naming the parser.
   */
  public IngestItem take(JsonNode record, Origin origin) {
    read++;
    RecordParser parser = registry.find(record);
    if (parser == null) {
      return reject(origin, registry.unrecognised(record));
    }
    formats.add(parser.format());
    ParseOutcome outcome;
    try {
      outcome = parser.parse(record, origin);
    } catch (RuntimeException e) {
      outcome = ParseOutcome.rejected(parser.format() + " parser failed: " + e);
    }
    if (outcome instanceof ParseOutcome.Parsed p) {
      parsed(p.event());
      return new IngestItem.Event(p.event());
    }
    if (outcome instanceof ParseOutcome.Rejected r) {
      return reject(origin, r.reason());
    }
    filtered++;
    return null;
  }

  /** A record that could not even be read as JSON: counted as read and rejected. */
  public IngestItem unreadable(Origin origin, String reason) {
    read++;
    return reject(origin, reason);
  }

  /** The summary of the input as read so far; {@code sha256} may be null where none is taken. */
  public FileSummary summary(String path, String sha256, long bytes) {
    return new FileSummary(
        path,
        sha256,
        bytes,
        List.copyOf(formats),
        firstEvent,
        lastEvent,
        read,
        parsed,
        rejected,
        filtered,
        nonHuman,
        human,
        service);
  }

  private IngestItem reject(Origin origin, String reason) {
    rejected++;
    return new IngestItem.Reject(new Rejection(origin, reason));
  }

  private void parsed(AccessEvent event) {
    parsed++;
    Instant time = event.time();
    if (firstEvent == null || time.isBefore(firstEvent)) {
      firstEvent = time;
    }
    if (lastEvent == null || time.isAfter(lastEvent)) {
      lastEvent = time;
    }
    switch (event.actorClass()) {
      case NON_HUMAN -> nonHuman++;
      case HUMAN -> human++;
      case SERVICE -> service++;
    }
  }
}
