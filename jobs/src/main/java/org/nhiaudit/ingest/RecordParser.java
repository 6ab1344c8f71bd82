package org.nhiaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import org.nhiaudit.model.Origin;

/**
 * Turns one JSON record of one audit-log format into an {@link ParseOutcome}. A parser knows
 * nothing of files, containers or Flink: {@link LogFileReader} hands it one record at a time.
 *
 * <p>Implementations must be stateless and thread-safe: one instance serves every file, and
 * serializable, since Flink ships it to the task managers.
 */
public interface RecordParser extends Serializable {

  /**
   * A short stable id, used by {@code --format} and in the run summary, e.g. {@code cloudtrail}.
   */
  String format();

  /**
   * Whether {@code record} looks like this format. Called on every record of a file until one
   * parser accepts, so it must be cheap: look at a few keys, do not parse.
   */
  boolean accepts(JsonNode record);

  /** Reads one record that {@link #accepts} said yes to. Never throws for bad content. */
  ParseOutcome parse(JsonNode record, Origin origin);

  /**
   * Every part of a record that {@link #accepts} and {@link #parse} may look at: the keys they
   * read, the keys whose presence they test, and the keys a rejection reason quotes. A reader may
   * build records without anything else, so a key left out here is a key this parser sees as
   * absent. The default is the whole record, which is always correct; a parser that reads a record
   * by keys it does not know in advance must keep it.
   */
  default RecordKeys reads() {
    return RecordKeys.all();
  }
}
