package org.nhiaudit.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.nhiaudit.alert.rules.DeniedBurst;
import org.nhiaudit.alert.rules.DormantReuse;
import org.nhiaudit.alert.rules.NewClient;
import org.nhiaudit.alert.rules.NewSource;
import org.nhiaudit.alert.rules.PersistenceCall;
import org.nhiaudit.alert.rules.RevokedUse;
import org.nhiaudit.model.AccessEvent;

/**
 * Runs every rule over one event of one credential: asks each rule, suppresses repeats of the same
 * rule within the suppression window, then adds the event to the history. Knows nothing of Flink,
 * so the whole alert logic is testable on plain objects.
 */
public final class AlertEngine implements Serializable {

  private final List<AlertRule> rules;
  private final NewSource newSource;
  private final NewClient newClient;
  private final AlertConfig config;
  private final CredentialHistory.Limits limits;

  /** Every rule of the project, set up from {@code config} and {@code decisions}. */
  public AlertEngine(AlertConfig config, Decisions decisions) {
    this.config = config;
    this.newSource = new NewSource(config.newSource());
    this.newClient = new NewClient(config);
    this.rules =
        List.of(
            new RevokedUse(config.revokedUse(), decisions),
            new PersistenceCall(config.persistence()),
            new DormantReuse(config.dormant()),
            newSource,
            newClient,
            new DeniedBurst(config.deniedBurst()));
    this.limits =
        new CredentialHistory.Limits(
            config.newSource().maxNetworks(),
            config.deniedBurst().minDenied(),
            config.deniedBurst().window());
  }

  public List<String> ruleIds() {
    return rules.stream().map(AlertRule::id).toList();
  }

  public AlertConfig config() {
    return config;
  }

  /**
   * The alerts {@code event} raises for the credential {@code key}; {@code history} is updated with
   * the event and with the alerts raised.
   */
  public List<Alert> observe(String key, AccessEvent event, CredentialHistory history) {
    List<Alert> alerts = new ArrayList<>(1);
    for (AlertRule rule : rules) {
      Finding finding = rule.check(event, history);
      if (finding != null && history.claimAlert(rule.id(), event.time(), config.suppress())) {
        alerts.add(Alert.of(key, event, rule.id(), finding));
      }
    }
    history.record(event, newSource.network(event), newClient.kind(event), limits);
    return alerts;
  }
}
