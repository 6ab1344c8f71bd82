package org.nhiaudit.alert.rules;

import java.util.ArrayList;
import java.util.List;
import org.nhiaudit.alert.AlertConfig;
import org.nhiaudit.alert.AlertRule;
import org.nhiaudit.alert.CredentialHistory;
import org.nhiaudit.alert.EventRef;
import org.nhiaudit.alert.Finding;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.Outcome;

/**
 * A burst of refused calls: at least {@code minDenied} denied calls within {@code window} of event
 * time ending at this one. The pattern of someone enumerating what a found secret may do.
 */
public final class DeniedBurst implements AlertRule {

  public static final String ID = "denied-burst";

  private final AlertConfig.DeniedBurst settings;

  public DeniedBurst(AlertConfig.DeniedBurst settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Finding check(AccessEvent event, CredentialHistory before) {
    if (event.outcome() != Outcome.DENIED) {
      return null;
    }
    List<EventRef> burst =
        new ArrayList<>(before.deniedSince(event.time().minus(settings.window())));
    burst.removeIf(e -> e.time().isAfter(event.time()));
    burst.add(EventRef.of(event));
    if (burst.size() < settings.minDenied()) {
      return null;
    }
    long actions = burst.stream().map(EventRef::action).distinct().count();
    String evidence =
        burst.size()
            + " denied calls to "
            + actions
            + " distinct action(s) within "
            + settings.window().toMinutes()
            + " minutes, the last "
            + event.action()
            + " from "
            + event.sourceAddress()
            + "; a burst from "
            + settings.minDenied();
    return new Finding(settings.severity(), evidence, burst);
  }
}
