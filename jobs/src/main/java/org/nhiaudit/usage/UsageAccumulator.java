package org.nhiaudit.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

/**
 * The mutable side of {@link CredentialUsage}: folds events in one at a time, merges with another
 * accumulator of the same key, and snapshots into the immutable aggregate.
 *
 * <h2>Bounds</h2>
 *
 * Distinct addresses and user agents are kept exactly up to {@link #TRACK_CAP} each; past that new
 * values are counted approximately (they are not remembered, so a value seen again after the cap is
 * counted again). The cap keeps one noisy credential from holding unbounded state.
 *
 * <p>Events per day are kept for every day seen, which suits a batch run over a bounded period. A
 * run that never ends folds in through {@link #add(String, AccessEvent, int)} instead, which keeps
 * only the days within a window before the last event, in event time.
 *
 * <p>Two things still grow without a cap of their own. The count per distinct action is bounded
 * only by the provider's vocabulary of actions (a few thousand for a large cloud). The count per
 * distinct credential id is one entry for a key that is a credential, but an identity whose
 * sessions each bring a new temporary key (an assumed role) adds one entry per session, so a
 * long-running identity roll-up grows with its sessions.
 */
public final class UsageAccumulator {

  /** How many distinct values of a kind are remembered. */
  static final int TRACK_CAP = 10_000;

  private String key;
  private String provider;
  private final Map<String, Long> credentials = new HashMap<>();
  private CredentialKind credentialKind;
  private String identity;
  private String identityType;
  private Instant firstSeen;
  private Instant lastSeen;
  private long events;
  private long denied;
  private long errors;
  private final Map<String, Long> actions = new HashMap<>();
  private final Set<String> sourceAddresses = new HashSet<>();
  private long untrackedAddresses;
  private final Set<String> userAgents = new HashSet<>();
  private final Set<String> regions = new HashSet<>();
  private final Set<String> accounts = new HashSet<>();
  private final Map<LocalDate, Long> perDay = new HashMap<>();

  /** Folds in one event under {@code key}. */
  public UsageAccumulator add(String key, AccessEvent event) {
    this.key = key;
    provider = event.provider();
    if (event.credential() != null) {
      credentials.merge(event.credential(), 1L, Long::sum);
    }
    if (credentialKind == null || credentialKind == CredentialKind.UNKNOWN) {
      credentialKind = event.credentialKind();
    }
    if (identity == null) {
      identity = event.identity();
      identityType = event.identityType();
    }
    Instant time = event.time();
    firstSeen = firstSeen == null || time.isBefore(firstSeen) ? time : firstSeen;
    lastSeen = lastSeen == null || time.isAfter(lastSeen) ? time : lastSeen;
    events++;
    if (event.outcome() == Outcome.DENIED) {
      denied++;
    } else if (event.outcome() == Outcome.ERROR) {
      errors++;
    }
    actions.merge(event.action(), 1L, Long::sum);
    if (event.sourceAddress() != null && !sourceAddresses.contains(event.sourceAddress())) {
      if (sourceAddresses.size() < TRACK_CAP) {
        sourceAddresses.add(event.sourceAddress());
      } else {
        untrackedAddresses++;
      }
    }
    addCapped(userAgents, event.userAgent());
    addCapped(regions, event.region());
    addCapped(accounts, event.account());
    perDay.merge(day(time), 1L, Long::sum);
    return this;
  }

  /**
   * Folds in one event, then forgets the events per day of days more than {@code retentionDays}
   * before the UTC day of the last event (the latest event time seen, not the wall clock). At most
   * {@code retentionDays + 1} days are kept. Totals, first and last seen, and the distinct values
   * still count the forgotten days, so after pruning the days no longer add up to the events.
   *
   * @param retentionDays at least 0
   */
  public UsageAccumulator add(String key, AccessEvent event, int retentionDays) {
    LocalDate lastDayBefore = lastSeen == null ? null : day(lastSeen);
    add(key, event);
    LocalDate cutoff = day(lastSeen).minusDays(retentionDays);
    // Only a later last day or an event already outside the window can leave a day to drop, so
    // the common case (another event on a kept day) does not walk the map.
    if (!day(lastSeen).equals(lastDayBefore) || day(event.time()).isBefore(cutoff)) {
      perDay.keySet().removeIf(d -> d.isBefore(cutoff));
    }
    return this;
  }

  private static LocalDate day(Instant time) {
    return LocalDate.ofInstant(time, ZoneOffset.UTC);
  }

  /** Folds {@code other}, an accumulator of the same key, into this one. */
  public UsageAccumulator merge(UsageAccumulator other) {
    if (other.events == 0) {
      return this;
    }
    if (events == 0) {
      key = other.key;
      provider = other.provider;
      credentialKind = other.credentialKind;
      identity = other.identity;
      identityType = other.identityType;
      firstSeen = other.firstSeen;
      lastSeen = other.lastSeen;
    } else {
      firstSeen = other.firstSeen.isBefore(firstSeen) ? other.firstSeen : firstSeen;
      lastSeen = other.lastSeen.isAfter(lastSeen) ? other.lastSeen : lastSeen;
      // As in add(): a known kind wins over UNKNOWN, whichever partial arrives first.
      if (credentialKind == null || credentialKind == CredentialKind.UNKNOWN) {
        credentialKind = other.credentialKind;
      }
    }
    other.credentials.forEach((k, v) -> credentials.merge(k, v, Long::sum));
    events += other.events;
    denied += other.denied;
    errors += other.errors;
    other.actions.forEach((k, v) -> actions.merge(k, v, Long::sum));
    for (String address : other.sourceAddresses) {
      if (!sourceAddresses.contains(address)) {
        if (sourceAddresses.size() < TRACK_CAP) {
          sourceAddresses.add(address);
        } else {
          untrackedAddresses++;
        }
      }
    }
    untrackedAddresses += other.untrackedAddresses;
    other.userAgents.forEach(v -> addCapped(userAgents, v));
    other.regions.forEach(v -> addCapped(regions, v));
    other.accounts.forEach(v -> addCapped(accounts, v));
    other.perDay.forEach((k, v) -> perDay.merge(k, v, Long::sum));
    return this;
  }

  public long events() {
    return events;
  }

  /** The immutable aggregate of everything folded in so far. */
  public CredentialUsage snapshot() {
    return new CredentialUsage(
        key,
        provider,
        mostUsedCredential(),
        credentialKind == null ? CredentialKind.UNKNOWN : credentialKind,
        identity,
        identityType,
        firstSeen,
        lastSeen,
        events,
        denied,
        errors,
        new TreeMap<>(actions),
        sortedCapped(sourceAddresses),
        sourceAddresses.size() + untrackedAddresses,
        sortedCapped(userAgents),
        sortedCapped(regions),
        sortedCapped(accounts),
        new TreeMap<>(perDay));
  }

  private String mostUsedCredential() {
    return credentials.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  private static void addCapped(Set<String> set, String value) {
    if (value != null && set.size() < TRACK_CAP) {
      set.add(value);
    }
  }

  private static List<String> sortedCapped(Set<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.size() > CredentialUsage.LIST_CAP
        ? sorted.subList(0, CredentialUsage.LIST_CAP)
        : sorted;
  }
}
