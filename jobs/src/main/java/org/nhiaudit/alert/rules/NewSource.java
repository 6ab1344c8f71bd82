package org.nhiaudit.alert.rules;

import java.util.List;
import org.nhiaudit.alert.AlertConfig;
import org.nhiaudit.alert.AlertRule;
import org.nhiaudit.alert.CredentialHistory;
import org.nhiaudit.alert.EventRef;
import org.nhiaudit.alert.Finding;
import org.nhiaudit.alert.Networks;
import org.nhiaudit.model.AccessEvent;

/**
 * A credential used from a network never seen for it, once it has made enough calls for its usual
 * networks to be known. Quiet for a credential whose networks overflowed the cap: it has no usual
 * place to leave.
 */
public final class NewSource implements AlertRule {

  public static final String ID = "new-source";

  private final AlertConfig.NewSource settings;
  private final Networks networks;

  public NewSource(AlertConfig.NewSource settings) {
    this.settings = settings;
    this.networks = new Networks(settings.ipv4Bits(), settings.ipv6Bits());
  }

  @Override
  public String id() {
    return ID;
  }

  /** The network the history records for {@code event}. */
  public String network(AccessEvent event) {
    return networks.of(event.sourceAddress());
  }

  @Override
  public Finding check(AccessEvent event, CredentialHistory before) {
    String network = network(event);
    if (network == null
        || before.events() < settings.minEvents()
        || before.networkCount() == 0
        || before.networksFull()
        || before.knowsNetwork(network)) {
      return null;
    }
    String evidence =
        "called "
            + event.action()
            + " from "
            + event.sourceAddress()
            + " (network "
            + network
            + "), not among the "
            + before.networkCount()
            + " network(s) of its previous "
            + before.events()
            + " calls";
    return new Finding(settings.severity(), evidence, List.of(EventRef.of(event)));
  }
}
