package org.nhiaudit.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nhiaudit.alert.rules.DeniedBurst;
import org.nhiaudit.alert.rules.DormantReuse;
import org.nhiaudit.alert.rules.NewClient;
import org.nhiaudit.alert.rules.NewSource;
import org.nhiaudit.alert.rules.PersistenceCall;
import org.nhiaudit.alert.rules.RevokedUse;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;
import org.nhiaudit.risk.Severity;

/** Each rule at its threshold, on plain objects, and the engine's suppression. */
class AlertRulesTest {

  static final AlertConfig CONFIG = AlertConfig.defaults();
  static final Instant T = Instant.parse("2026-05-01T12:00:00Z");
  static final String CLI = "aws-cli/2.15";
  static final CredentialHistory.Limits LIMITS =
      new CredentialHistory.Limits(3, 20, Duration.ofMinutes(5));

  static AccessEvent event(Instant time, String action, String source, String agent, Outcome o) {
    return new AccessEvent(
        time,
        "aws",
        "111122223333",
        "arn:aws:iam::111122223333:user/ci",
        "IAMUser",
        "AKIAEXAMPLE000000001",
        CredentialKind.ACCESS_KEY,
        action,
        List.of(),
        source,
        agent,
        o,
        null,
        "us-east-1",
        ActorClass.NON_HUMAN,
        "test",
        new Origin("f.json", 1, 0));
  }

  static AccessEvent ok(Instant time, String source, String agent) {
    return event(time, "s3:GetObject", source, agent, Outcome.SUCCESS);
  }

  static CredentialHistory history(int events, String source, String agent) {
    CredentialHistory h = new CredentialHistory();
    NewSource networks = new NewSource(CONFIG.newSource());
    for (int i = 0; i < events; i++) {
      AccessEvent e = ok(T.minusSeconds(events - i), source, agent);
      h.record(e, networks.network(e), ClientKind.of(agent, CONFIG.browserAgents()), LIMITS);
    }
    return h;
  }

  @Test
  void dormantReuseFiresFromIdleDays() {
    DormantReuse rule = new DormantReuse(CONFIG.dormant());
    CredentialHistory h = history(1, "10.0.0.1", CLI);
    Duration idle = CONFIG.dormant().idle();
    assertThat(rule.check(ok(T.plus(idle).minusSeconds(2), "10.0.0.1", CLI), h)).isNull();
    Finding f = rule.check(ok(T.plus(idle), "10.0.0.1", CLI), h);
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.evidence()).contains(idle.toDays() + " days without use");
    assertThat(rule.check(ok(T, "10.0.0.1", CLI), new CredentialHistory())).isNull();
  }

  @Test
  void newSourceFiresOnANewNetworkAfterLearning() {
    NewSource rule = new NewSource(CONFIG.newSource());
    int learn = CONFIG.newSource().minEvents();
    CredentialHistory h = history(learn, "10.0.0.1", CLI);
    assertThat(rule.check(ok(T, "10.0.0.200", CLI), h)).as("same /24").isNull();
    assertThat(rule.check(ok(T, "198.51.100.7", CLI), h).evidence()).contains("198.51.100.0/24");
    CredentialHistory young = history(learn - 1, "10.0.0.1", CLI);
    assertThat(rule.check(ok(T, "198.51.100.7", CLI), young)).isNull();
  }

  @Test
  void newClientFiresOnABrowserAfterOnlyPrograms() {
    NewClient rule = new NewClient(CONFIG);
    String browser = "Mozilla/5.0 Firefox/128.0";
    CredentialHistory h = history(CONFIG.newClient().minEvents(), "10.0.0.1", CLI);
    assertThat(rule.check(ok(T, "10.0.0.1", browser), h).evidence()).contains(CLI);
    assertThat(rule.check(ok(T, "10.0.0.1", "boto3/1.34"), h)).isNull();
    CredentialHistory people = history(10, "10.0.0.1", browser);
    assertThat(rule.check(ok(T, "10.0.0.1", browser), people)).isNull();
  }

  @Test
  void persistenceCallMatchesPatternsIgnoringCase() {
    PersistenceCall rule = new PersistenceCall(CONFIG.persistence());
    CredentialHistory h = new CredentialHistory();
    assertThat(rule.check(event(T, "iam:createaccesskey", "1.2.3.4", CLI, Outcome.DENIED), h))
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
    assertThat(
            rule.check(
                event(
                    T,
                    "iam.googleapis.com:google.iam.admin.v1.CreateServiceAccountKey",
                    "1.2.3.4",
                    CLI,
                    Outcome.SUCCESS),
                h))
        .isNotNull();
    assertThat(rule.check(event(T, "iam:ListAccessKeys", "1.2.3.4", CLI, Outcome.SUCCESS), h))
        .isNull();
  }

  @Test
  void deniedBurstFiresAtMinDeniedWithinTheWindow() {
    DeniedBurst rule = new DeniedBurst(CONFIG.deniedBurst());
    int min = CONFIG.deniedBurst().minDenied();
    CredentialHistory h = new CredentialHistory();
    NewSource networks = new NewSource(CONFIG.newSource());
    for (int i = 0; i < min - 1; i++) {
      AccessEvent e = event(T.plusSeconds(i), "iam:ListUsers", "1.2.3.4", CLI, Outcome.DENIED);
      assertThat(rule.check(e, h)).isNull();
      h.record(e, networks.network(e), ClientKind.PROGRAM, LIMITS);
    }
    AccessEvent last = event(T.plusSeconds(min), "iam:ListRoles", "1.2.3.4", CLI, Outcome.DENIED);
    assertThat(rule.check(last, h).events()).hasSize(min);
    AccessEvent later =
        event(
            T.plus(CONFIG.deniedBurst().window()).plusSeconds(60),
            "x:Y",
            "1.2.3.4",
            CLI,
            Outcome.DENIED);
    assertThat(rule.check(later, h)).as("the earlier calls left the window").isNull();
  }

  @Test
  void revokedUseFiresForTheCredentialOrItsIdentity() {
    RevokedUse byKey =
        new RevokedUse(Severity.CRITICAL, Decisions.revoking(Set.of("AKIAEXAMPLE000000001"), "t"));
    RevokedUse byIdentity =
        new RevokedUse(
            Severity.CRITICAL,
            Decisions.revoking(Set.of("arn:aws:iam::111122223333:user/ci"), "t"));
    RevokedUse other = new RevokedUse(Severity.CRITICAL, Decisions.revoking(Set.of("x"), "t"));
    AccessEvent e = ok(T, "1.2.3.4", CLI);
    assertThat(byKey.check(e, new CredentialHistory())).isNotNull();
    assertThat(byIdentity.check(e, new CredentialHistory())).isNotNull();
    assertThat(other.check(e, new CredentialHistory())).isNull();
  }

  @Test
  void engineSuppressesARuleWithinTheWindowOnly() {
    AlertEngine engine =
        new AlertEngine(CONFIG, Decisions.revoking(Set.of("AKIAEXAMPLE000000001"), "t"));
    CredentialHistory h = new CredentialHistory();
    String key = "AKIAEXAMPLE000000001";
    assertThat(engine.observe(key, ok(T, "1.2.3.4", CLI), h)).hasSize(1);
    assertThat(engine.observe(key, ok(T.plusSeconds(60), "1.2.3.4", CLI), h)).isEmpty();
    List<Alert> again = engine.observe(key, ok(T.plus(CONFIG.suppress()), "1.2.3.4", CLI), h);
    assertThat(again).extracting(Alert::rule).containsExactly("revoked-use");
    assertThat(h.events()).isEqualTo(3);
  }
}
