package org.nhiaudit.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nhiaudit.inventory.CredentialRecord;
import org.nhiaudit.inventory.Grant;
import org.nhiaudit.inventory.PermissionUse;
import org.nhiaudit.inventory.Principal;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.usage.CredentialUsage;

/** Builders of scoring inputs with plain defaults, so each test states only what it is about. */
final class Fixtures {

  static final Instant AS_OF = Instant.parse("2025-06-01T12:00:00Z");
  static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  static final String MASKED = "AKIA\u2026MPLE";
  static final String USER = "arn:aws:iam::123456789012:user/ci-deploy";

  static final RiskConfig DEFAULTS = RiskConfig.defaults();

  private Fixtures() {}

  static Instant daysAgo(long days) {
    return AS_OF.minus(Duration.ofDays(days));
  }

  static RiskConfig config(String yaml) {
    return RiskConfig.fromYaml(yaml, "test.yaml");
  }

  static Usage usage() {
    return new Usage();
  }

  static Inventory inventory() {
    return new Inventory();
  }

  static PermissionUse permissions(int granted, List<String> used, List<String> unused) {
    return new PermissionUse(granted, used, unused, List.of(), List.of());
  }

  static PermissionUse admin(List<String> administrative, List<String> used) {
    List<String> unused = new ArrayList<>(administrative);
    unused.removeAll(used);
    return new PermissionUse(administrative.size(), used, unused, List.of(), administrative);
  }

  static Principal principal(String owner, Map<String, String> tags, List<Grant> grants) {
    return new Principal(
        USER,
        "ci-deploy",
        "aws",
        "123456789012",
        "user",
        ActorClass.NON_HUMAN,
        daysAgo(500),
        null,
        grants,
        tags,
        owner);
  }

  /** A subject built the way the pipeline builds it. */
  static Subject subject(
      CredentialUsage usage, CredentialRecord record, Principal principal, PermissionUse p) {
    return Subject.of(usage, record, principal, p, true);
  }

  /** Evaluates and expects points; fails the test otherwise. */
  static FactorResult found(RiskFactor factor, Subject subject, RiskConfig config) {
    Evaluation e = factor.evaluate(subject, AS_OF, config);
    if (e instanceof Evaluation.Found f) {
      return f.result();
    }
    throw new AssertionError("expected a finding, got " + e);
  }

  static Evaluation evaluate(RiskFactor factor, Subject subject) {
    return factor.evaluate(subject, AS_OF, DEFAULTS);
  }

  /** A CredentialUsage builder. */
  static final class Usage {
    String credential = KEY_ID;
    CredentialKind kind = CredentialKind.ACCESS_KEY;
    String identity = USER;
    String identityType = "IAMUser";
    Instant lastSeen = daysAgo(1);
    long events = 100;
    long denied;
    List<String> agents = List.of("aws-cli/2.15.0 Python/3.11.6 Linux/6.1");
    Map<String, Long> actions = Map.of("s3:GetObject", 100L);

    Usage credential(String id, CredentialKind kind) {
      this.credential = id;
      this.kind = kind;
      return this;
    }

    Usage identity(String identity, String type) {
      this.identity = identity;
      this.identityType = type;
      return this;
    }

    Usage lastSeen(Instant lastSeen) {
      this.lastSeen = lastSeen;
      return this;
    }

    Usage calls(long events, long denied) {
      this.events = events;
      this.denied = denied;
      return this;
    }

    Usage agents(String... agents) {
      this.agents = List.of(agents);
      return this;
    }

    CredentialUsage build() {
      Instant first = lastSeen.minus(Duration.ofDays(10));
      return new CredentialUsage(
          credential,
          "aws",
          credential,
          kind,
          identity,
          identityType,
          first,
          lastSeen,
          events,
          denied,
          0,
          new TreeMap<>(actions),
          List.of("203.0.113.7"),
          1,
          agents,
          List.of("eu-west-1"),
          List.of("123456789012"),
          new TreeMap<>(Map.of(LocalDate.ofInstant(lastSeen, java.time.ZoneOffset.UTC), events)));
    }
  }

  /** A CredentialRecord builder. */
  static final class Inventory {
    String credential = KEY_ID;
    CredentialKind kind = CredentialKind.ACCESS_KEY;
    String identity = USER;
    ActorClass actorClass = ActorClass.NON_HUMAN;
    boolean active = true;
    Instant created = daysAgo(30);
    Instant lastRotated;
    Instant lastUsed;
    Instant expires;
    String owner = "alice@example.com";
    String team;
    String environment = "prod";
    List<String> scopes = List.of();

    Inventory credential(String id, CredentialKind kind) {
      this.credential = id;
      this.kind = kind;
      return this;
    }

    Inventory identity(String identity) {
      this.identity = identity;
      return this;
    }

    Inventory actor(ActorClass actorClass) {
      this.actorClass = actorClass;
      return this;
    }

    Inventory inactive() {
      this.active = false;
      return this;
    }

    Inventory created(Instant created) {
      this.created = created;
      return this;
    }

    Inventory rotated(Instant lastRotated) {
      this.lastRotated = lastRotated;
      return this;
    }

    Inventory lastUsed(Instant lastUsed) {
      this.lastUsed = lastUsed;
      return this;
    }

    Inventory expires(Instant expires) {
      this.expires = expires;
      return this;
    }

    Inventory scopes(String... scopes) {
      this.scopes = List.of(scopes);
      return this;
    }

    Inventory owner(String owner, String team) {
      this.owner = owner;
      this.team = team;
      return this;
    }

    CredentialRecord build() {
      return new CredentialRecord(
          credential,
          kind,
          "aws",
          identity,
          actorClass,
          active,
          created,
          lastRotated,
          lastUsed,
          expires,
          owner,
          team,
          environment,
          scopes,
          "iam-credential-report.csv");
    }
  }
}
