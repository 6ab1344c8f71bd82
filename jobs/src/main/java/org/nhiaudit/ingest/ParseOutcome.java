package org.nhiaudit.ingest;

import org.nhiaudit.model.AccessEvent;

/** What a format parser made of one record: an event, a rejection, or a deliberate filter. */
public sealed interface ParseOutcome {

  /** The record became an event. */
  record Parsed(AccessEvent event) implements ParseOutcome {}

  /** The record claims to be of this format but cannot be read; {@code reason} says why. */
  record Rejected(String reason) implements ParseOutcome {}

  /**
   * The record is readable but out of scope (for example a non-audit log entry in a Cloud Logging
   * export). Counted, never turned into an event.
   */
  record Filtered(String reason) implements ParseOutcome {}

  static ParseOutcome parsed(AccessEvent event) {
    return new Parsed(event);
  }

  static ParseOutcome rejected(String reason) {
    return new Rejected(reason);
  }

  static ParseOutcome filtered(String reason) {
    return new Filtered(reason);
  }
}
