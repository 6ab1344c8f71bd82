package org.nhiaudit.alert.rules;

import java.util.List;
import org.nhiaudit.alert.AlertRule;
import org.nhiaudit.alert.CredentialHistory;
import org.nhiaudit.alert.Decisions;
import org.nhiaudit.alert.EventRef;
import org.nhiaudit.alert.Finding;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.risk.Severity;

/**
 * Any use of a credential (or identity) whose review decision was "revoke": the revocation has not
 * happened, or something still holds the secret.
 */
public final class RevokedUse implements AlertRule {

  public static final String ID = "revoked-use";

  private final Severity severity;
  private final Decisions decisions;

  public RevokedUse(Severity severity, Decisions decisions) {
    this.severity = severity;
    this.decisions = decisions;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Finding check(AccessEvent event, CredentialHistory before) {
    String revoked = decisions.revoked(event.credential(), event.identity());
    if (revoked == null) {
      return null;
    }
    String evidence =
        "used for "
            + event.action()
            + " from "
            + event.sourceAddress()
            + " although the review decided to revoke "
            + revoked
            + " ("
            + decisions.source()
            + ")";
    return new Finding(severity, evidence, List.of(EventRef.of(event)));
  }
}
