package org.nhiaudit.alert.rules;

import java.time.Duration;
import java.util.List;
import org.nhiaudit.alert.AlertConfig;
import org.nhiaudit.alert.AlertRule;
import org.nhiaudit.alert.CredentialHistory;
import org.nhiaudit.alert.EventRef;
import org.nhiaudit.alert.Finding;
import org.nhiaudit.model.AccessEvent;

/**
 * A credential used again after a long silence: at least {@code idleDays} of event time between its
 * latest earlier use and this one. Only silences the job itself saw count: a credential first seen
 * by the job raises nothing, however long it was idle before.
 */
public final class DormantReuse implements AlertRule {

  public static final String ID = "dormant-reuse";

  private final AlertConfig.Dormant settings;

  public DormantReuse(AlertConfig.Dormant settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Finding check(AccessEvent event, CredentialHistory before) {
    if (before.lastSeen() == null) {
      return null;
    }
    Duration idle = Duration.between(before.lastSeen(), event.time());
    if (idle.compareTo(settings.idle()) < 0) {
      return null;
    }
    String evidence =
        "used for "
            + event.action()
            + " after "
            + idle.toDays()
            + " days without use (previous use "
            + before.lastSeen()
            + " at "
            + before.lastOrigin()
            + "); dormant from "
            + settings.idle().toDays()
            + " days";
    return new Finding(settings.severity(), evidence, List.of(EventRef.of(event)));
  }
}
