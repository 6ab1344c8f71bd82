package org.nhiaudit.alert;

import java.util.List;
import org.nhiaudit.risk.Severity;

/**
 * What a rule found about one event: how serious, why in words, and the events that show it (the
 * triggering event last).
 */
public record Finding(Severity severity, String evidence, List<EventRef> events) {

  public Finding {
    events = List.copyOf(events);
  }
}
