package org.nhiaudit.alert;

import java.io.Serializable;
import org.nhiaudit.model.AccessEvent;

/**
 * One alert rule over the history of one credential. A rule only reads: it is asked about each
 * event before the event is added to the history, and answers from the event's time and the
 * history, never from the clock, so a replay gives the same findings.
 */
public interface AlertRule extends Serializable {

  /** A short stable id, e.g. {@code dormant-reuse}; alerts and the configuration use it. */
  String id();

  /** A finding for {@code event}, judged against {@code before}; null when there is none. */
  Finding check(AccessEvent event, CredentialHistory before);
}
