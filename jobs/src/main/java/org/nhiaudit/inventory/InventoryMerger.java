package org.nhiaudit.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nhiaudit.inventory.InventoryValues.TagRole;
import org.nhiaudit.inventory.PlatformInventory.Binding;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what the separate inventory files said into one {@link Inventory}.
 *
 * <ol>
 *   <li>Principals from authorization details; credential-report rows add the user's creation time
 *       and last use, and mark a password user HUMAN.
 *   <li>Credentials: every role; credential-report key slots, bound to real key ids from key lists
 *       (same user and the same creation second, else the user's only active key); keys that no
 *       slot claims.
 *   <li>GCP and Kubernetes accounts and keys as their readers give them; then role bindings, which
 *       add grants to the principals they name.
 *   <li>Generic rows. A row without kind whose id is a principal's identity gives owner, team and
 *       environment to the principal and to all its credentials; other rows override or complete
 *       the credential with their id, or add it. For owner, team and environment the credential's
 *       own row wins over the principal's row, which wins over what the principal's tags say.
 * </ol>
 *
 * When two files describe the same principal or credential, the one read later wins.
 */
final class InventoryMerger {

  private static final Logger LOG = LoggerFactory.getLogger(InventoryMerger.class);

  private final Map<String, Principal> principals = new LinkedHashMap<>();
  private final Map<String, CredentialRecord> credentials = new LinkedHashMap<>();
  private final Map<String, List<String>> notExpanded = new LinkedHashMap<>();
  private final List<CredentialRecord> slots = new ArrayList<>();
  private final List<AccessKeyMetadata> keys = new ArrayList<>();
  private final List<InventoryRow> rows = new ArrayList<>();
  private final Set<String> addedByRows = new HashSet<>();
  private final Map<String, List<Grant>> roles = new LinkedHashMap<>();
  private final List<Binding> bindings = new ArrayList<>();

  void add(AuthorizationDetails details) {
    details.principals().forEach(p -> principals.put(p.identity(), p));
    details.roleCredentials().forEach(c -> credentials.put(c.credential(), c));
    notExpanded.putAll(details.notExpanded());
  }

  void add(CredentialReport report) {
    report.principals().forEach(this::addReportPrincipal);
    slots.addAll(report.keys());
  }

  void addKeys(List<AccessKeyMetadata> list) {
    keys.addAll(list);
  }

  void addRows(List<InventoryRow> list) {
    rows.addAll(list);
  }

  void add(PlatformInventory platform) {
    platform.principals().forEach(p -> principals.put(p.identity(), p));
    platform.credentials().forEach(c -> credentials.put(c.credential(), c));
    roles.putAll(platform.roles());
    bindings.addAll(platform.bindings());
  }

  Inventory build(List<InventoryInput> inputs, List<String> skipped) {
    bindKeys();
    applyBindings();

    Map<String, InventoryRow> principalRows = new LinkedHashMap<>();
    Map<String, InventoryRow> credentialRows = new LinkedHashMap<>();
    for (InventoryRow row : rows) {
      boolean aboutPrincipal = row.kind() == null && principals.containsKey(row.id());
      if (aboutPrincipal) {
        principalRows.merge(row.id(), row, InventoryMerger::later);
      }
      if (!aboutPrincipal || credentials.containsKey(row.id())) {
        credentialRows.merge(row.id(), row, InventoryMerger::later);
      }
    }

    credentialRows.values().stream()
        .filter(row -> !credentials.containsKey(row.id()))
        .forEach(
            row -> {
              credentials.put(row.id(), fromRow(row));
              addedByRows.add(row.id());
            });
    credentials.replaceAll(
        (id, c) -> finish(c, credentialRows.get(id), principalRows.get(c.identity())));
    principalRows.forEach(
        (identity, row) ->
            principals.computeIfPresent(identity, (k, p) -> withOwner(p, row.owner())));

    return new Inventory(
        List.copyOf(credentials.values()),
        List.copyOf(principals.values()),
        notExpanded,
        inputs,
        skipped);
  }

  /**
   * Gives each bound principal the grants of its roles, once every file is read (a binding and its
   * role may sit in different files). A principal no account list names is added with the grants
   * alone; a role no file describes is noted as not expanded.
   */
  private void applyBindings() {
    Map<String, List<Grant>> granted = new LinkedHashMap<>();
    Map<String, Binding> firstBinding = new LinkedHashMap<>();
    for (Binding binding : bindings) {
      List<Grant> grants =
          binding.grants().isEmpty() ? roles.get(binding.role()) : binding.grants();
      if (grants == null) {
        LOG.warn("{}: role {} is in no inventory file", binding.source(), binding.role());
        notExpanded.merge(binding.identity(), List.of(binding.role()), InventoryMerger::concat);
        continue;
      }
      granted.computeIfAbsent(binding.identity(), k -> new ArrayList<>()).addAll(grants);
      firstBinding.putIfAbsent(binding.identity(), binding);
    }
    granted.forEach(
        (identity, grants) -> {
          Principal known = principals.get(identity);
          Principal base = known != null ? known : bare(firstBinding.get(identity));
          principals.put(identity, withGrants(base, grants));
        });
  }

  private static Principal bare(Binding binding) {
    String identity = binding.identity();
    return new Principal(
        identity,
        identity,
        binding.provider(),
        null,
        binding.type(),
        ActorClass.NON_HUMAN,
        null,
        null,
        List.of(),
        Map.of(),
        null);
  }

  private static Principal withGrants(Principal p, List<Grant> grants) {
    List<Grant> all = new ArrayList<>(p.grants());
    all.addAll(grants);
    return new Principal(
        p.identity(),
        p.name(),
        p.provider(),
        p.account(),
        p.type(),
        p.actorClass(),
        p.created(),
        p.lastUsed(),
        all,
        p.tags(),
        p.owner());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private void addReportPrincipal(Principal reported) {
    Principal known = principals.get(reported.identity());
    if (known == null) {
      principals.put(reported.identity(), reported);
      return;
    }
    ActorClass actor =
        reported.actorClass() == ActorClass.HUMAN ? ActorClass.HUMAN : known.actorClass();
    principals.put(
        known.identity(),
        new Principal(
            known.identity(),
            known.name(),
            known.provider(),
            known.account(),
            known.type(),
            actor,
            first(known.created(), reported.created()),
            latest(known.lastUsed(), reported.lastUsed()),
            known.grants(),
            known.tags(),
            known.owner()));
  }

  /** Replaces credential-report slots by the real keys they hold, where that can be told. */
  private void bindKeys() {
    List<Resolved> unbound = new ArrayList<>();
    keys.forEach(key -> unbound.add(new Resolved(key, userArn(key))));

    for (CredentialRecord slot : slots) {
      Resolved match = match(slot, unbound);
      if (match == null) {
        credentials.put(slot.credential(), slot);
        continue;
      }
      unbound.remove(match);
      LOG.info("bound {} to access key {}", slot.credential(), match.key().accessKeyId());
      credentials.put(match.key().accessKeyId(), bound(slot, match.key()));
    }

    for (Resolved left : unbound) {
      credentials.put(left.key().accessKeyId(), fromKey(left));
    }
  }

  private static Resolved match(CredentialRecord slot, List<Resolved> unbound) {
    List<Resolved> mine =
        unbound.stream().filter(r -> slot.identity().equals(r.identity())).toList();
    for (Resolved candidate : mine) {
      if (sameSecond(candidate.key().created(), slot.created())) {
        return candidate;
      }
    }
    List<Resolved> active = mine.stream().filter(r -> r.key().active()).toList();
    return slot.active() && active.size() == 1 ? active.get(0) : null;
  }

  /** The ARN of the one user with the key's user name, or the bare name when there is not one. */
  private String userArn(AccessKeyMetadata key) {
    List<String> arns =
        principals.values().stream()
            .filter(p -> "user".equals(p.type()) && key.userName().equals(p.name()))
            .map(Principal::identity)
            .toList();
    if (arns.size() == 1) {
      return arns.get(0);
    }
    LOG.warn(
        "access key {} of user '{}': {} users of that name known, so the key stays on the bare"
            + " name",
        key.accessKeyId(),
        key.userName(),
        arns.size());
    return key.userName();
  }

  private static CredentialRecord bound(CredentialRecord slot, AccessKeyMetadata key) {
    return new CredentialRecord(
        key.accessKeyId(),
        slot.kind(),
        slot.provider(),
        slot.identity(),
        slot.actorClass(),
        key.active(),
        first(key.created(), slot.created()),
        slot.lastRotated(),
        slot.lastUsed(),
        slot.expires(),
        slot.owner(),
        slot.team(),
        slot.environment(),
        slot.scopes(),
        slot.source() + "; " + key.source());
  }

  private static CredentialRecord fromKey(Resolved resolved) {
    AccessKeyMetadata key = resolved.key();
    return new CredentialRecord(
        key.accessKeyId(),
        CredentialKind.ACCESS_KEY,
        "aws",
        resolved.identity(),
        ActorClass.NON_HUMAN,
        key.active(),
        key.created(),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        key.source());
  }

  private CredentialRecord fromRow(InventoryRow row) {
    CredentialKind kind = row.kind() == null ? CredentialKind.UNKNOWN : row.kind();
    Principal principal = principals.get(row.id());
    ActorClass actor =
        kind == CredentialKind.ROLE && principal != null
            ? principal.actorClass()
            : ActorClass.NON_HUMAN;
    return new CredentialRecord(
        row.id(),
        kind,
        row.provider(),
        row.identity(),
        actor,
        row.active() == null || row.active(),
        row.created(),
        row.lastRotated(),
        row.lastUsed(),
        row.expires(),
        null,
        null,
        null,
        row.scopes(),
        row.source() + " " + row.location());
  }

  /** Applies the credential's own row and its principal's row; see the class comment. */
  private CredentialRecord finish(CredentialRecord c, InventoryRow own, InventoryRow ofPrincipal) {
    Principal principal = principals.get(c.identity());
    Map<String, String> tags = principal == null ? Map.of() : principal.tags();
    String owner = c.owner() != null ? c.owner() : principal == null ? null : principal.owner();
    String team = first(c.team(), InventoryValues.tag(tags, TagRole.TEAM));
    String environment = first(c.environment(), InventoryValues.tag(tags, TagRole.ENVIRONMENT));
    if (ofPrincipal != null) {
      owner = first(ofPrincipal.owner(), owner);
      team = first(ofPrincipal.team(), team);
      environment = first(ofPrincipal.environment(), environment);
    }
    if (own == null) {
      return withPeople(c, owner, team, environment);
    }
    boolean isNew = addedByRows.contains(c.credential());
    return new CredentialRecord(
        c.credential(),
        own.kind() == null ? c.kind() : own.kind(),
        first(own.provider(), c.provider()),
        first(own.identity(), c.identity()),
        c.actorClass(),
        own.active() == null ? c.active() : own.active(),
        first(own.created(), c.created()),
        first(own.lastRotated(), c.lastRotated()),
        first(own.lastUsed(), c.lastUsed()),
        first(own.expires(), c.expires()),
        first(own.owner(), owner),
        first(own.team(), team),
        first(own.environment(), environment),
        own.scopes().isEmpty() ? c.scopes() : own.scopes(),
        isNew ? c.source() : c.source() + "; " + own.source() + " " + own.location());
  }

  private static CredentialRecord withPeople(
      CredentialRecord c, String owner, String team, String environment) {
    return new CredentialRecord(
        c.credential(),
        c.kind(),
        c.provider(),
        c.identity(),
        c.actorClass(),
        c.active(),
        c.created(),
        c.lastRotated(),
        c.lastUsed(),
        c.expires(),
        owner,
        team,
        environment,
        c.scopes(),
        c.source());
  }

  private static Principal withOwner(Principal p, String owner) {
    if (owner == null) {
      return p;
    }
    return new Principal(
        p.identity(),
        p.name(),
        p.provider(),
        p.account(),
        p.type(),
        p.actorClass(),
        p.created(),
        p.lastUsed(),
        p.grants(),
        p.tags(),
        owner);
  }

  /** Two rows about the same id: what the later one says wins, the earlier one completes it. */
  private static InventoryRow later(InventoryRow earlier, InventoryRow later) {
    return new InventoryRow(
        later.id(),
        first(later.kind(), earlier.kind()),
        first(later.provider(), earlier.provider()),
        first(later.identity(), earlier.identity()),
        first(later.owner(), earlier.owner()),
        first(later.team(), earlier.team()),
        first(later.environment(), earlier.environment()),
        first(later.created(), earlier.created()),
        first(later.lastRotated(), earlier.lastRotated()),
        first(later.expires(), earlier.expires()),
        first(later.lastUsed(), earlier.lastUsed()),
        first(later.active(), earlier.active()),
        later.scopes().isEmpty() ? earlier.scopes() : later.scopes(),
        first(later.description(), earlier.description()),
        later.source(),
        later.location());
  }

  private static boolean sameSecond(Instant a, Instant b) {
    return a != null
        && b != null
        && a.truncatedTo(ChronoUnit.SECONDS).equals(b.truncatedTo(ChronoUnit.SECONDS));
  }

  private static <T> T first(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** A listed key with the identity it was resolved to. */
  private record Resolved(AccessKeyMetadata key, String identity) {}
}
