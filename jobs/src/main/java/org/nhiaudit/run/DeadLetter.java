package org.nhiaudit.run;

import org.nhiaudit.ingest.Rejection;

/**
 * One line of {@code dead-letter.jsonl}: the file, the line (0 when the container has no meaningful
 * line) and the record index within the file, and why the record was rejected.
 */
public record DeadLetter(String path, long line, long index, String reason) {

  public static DeadLetter of(Rejection rejection) {
    return new DeadLetter(
        rejection.origin().path(),
        rejection.origin().line(),
        rejection.origin().index(),
        rejection.reason());
  }
}
