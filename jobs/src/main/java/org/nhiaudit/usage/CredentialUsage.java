package org.nhiaudit.usage;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nhiaudit.model.CredentialKind;

/**
 * What one credential (or, in the identity roll-up, one identity) did over the observed period.
 * Immutable; built by {@link UsageAccumulator#snapshot()}.
 *
 * @param key the aggregation key: the credential id, or the identity in the roll-up
 * @param provider the platform of the events
 * @param credential the credential id (for the identity roll-up: the most used credential)
 * @param credentialKind the kind of {@code credential}
 * @param identity the principal the credential belongs to
 * @param identityType the provider's word for the principal type
 * @param firstSeen the earliest event time
 * @param lastSeen the latest event time
 * @param events how many events
 * @param denied how many of them were refused by an authorisation check
 * @param errors how many failed for another reason
 * @param actions each action with its count, sorted by action
 * @param sourceAddresses distinct client addresses, sorted; at most {@link #LIST_CAP}
 * @param distinctSourceAddresses how many distinct addresses there were, even past the cap
 * @param userAgents distinct user agents, sorted; at most {@link #LIST_CAP}
 * @param regions distinct regions, sorted
 * @param accounts distinct accounts, sorted
 * @param activityPerDay events per UTC day
 */
public record CredentialUsage(
    String key,
    String provider,
    String credential,
    CredentialKind credentialKind,
    String identity,
    String identityType,
    Instant firstSeen,
    Instant lastSeen,
    long events,
    long denied,
    long errors,
    SortedMap<String, Long> actions,
    List<String> sourceAddresses,
    long distinctSourceAddresses,
    List<String> userAgents,
    List<String> regions,
    List<String> accounts,
    SortedMap<LocalDate, Long> activityPerDay)
    implements Serializable {

  /** Distinct-value lists keep at most this many entries; counts stay exact. */
  public static final int LIST_CAP = 1000;

  public CredentialUsage {
    actions = unmodifiableCopy(actions);
    sourceAddresses = List.copyOf(sourceAddresses);
    userAgents = List.copyOf(userAgents);
    regions = List.copyOf(regions);
    accounts = List.copyOf(accounts);
    activityPerDay = unmodifiableCopy(activityPerDay);
  }

  private static <K, V> SortedMap<K, V> unmodifiableCopy(Map<K, V> map) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
