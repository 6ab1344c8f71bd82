package org.nhiaudit.report.view;

import java.time.Instant;
import java.util.List;

/**
 * The usage evidence of one credential, cut to what a packet shows. Lists are capped when the view
 * is built (see {@link ViewModelBuilder}); the counts stay exact.
 *
 * @param firstSeen the earliest event, or null
 * @param lastSeen the latest event, or null
 * @param firstSeenText {@code firstSeen} as a date for people
 * @param lastSeenText {@code lastSeen} as a date for people
 * @param topActions the most frequent actions with their counts, e.g. {@code s3:GetObject (12)}
 * @param distinctActions how many distinct actions there were
 * @param sourceAddresses client addresses, at most the cap
 * @param distinctSourceAddresses how many distinct addresses there were
 * @param userAgents user agents, at most the cap
 * @param regions regions used
 * @param accounts accounts used
 */
public record UsageView(
    Instant firstSeen,
    Instant lastSeen,
    String firstSeenText,
    String lastSeenText,
    long events,
    long denied,
    long errors,
    List<String> topActions,
    int distinctActions,
    List<String> sourceAddresses,
    long distinctSourceAddresses,
    List<String> userAgents,
    List<String> regions,
    List<String> accounts) {

  public UsageView {
    topActions = List.copyOf(topActions);
    sourceAddresses = List.copyOf(sourceAddresses);
    userAgents = List.copyOf(userAgents);
    regions = List.copyOf(regions);
    accounts = List.copyOf(accounts);
  }
}
