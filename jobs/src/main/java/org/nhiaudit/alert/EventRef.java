package org.nhiaudit.alert;

import java.io.Serializable;
import java.time.Instant;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.Outcome;

/**
 * The part of an event an alert quotes as evidence: enough to find the record again ({@code
 * origin}) and to judge it without opening the log.
 *
 * @param origin the record's place in its input, {@code path:line} or {@code path#index}
 */
public record EventRef(
    Instant time,
    String action,
    Outcome outcome,
    String sourceAddress,
    String userAgent,
    String origin)
    implements Serializable {

  public static EventRef of(AccessEvent event) {
    return new EventRef(
        event.time(),
        event.action(),
        event.outcome(),
        event.sourceAddress(),
        event.userAgent(),
        event.origin() == null ? null : event.origin().describe());
  }
}
