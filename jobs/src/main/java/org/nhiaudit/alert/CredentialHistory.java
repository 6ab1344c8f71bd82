package org.nhiaudit.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.Outcome;

/**
 * What the alert rules remember of one credential, held in Flink's keyed state. Its size does not
 * grow with the number of events: networks stop being learnt at a cap, and only the denied calls
 * inside the burst window are kept, at most as many as a burst needs.
 *
 * <p>Mutable, and only ever touched by the one task that owns the credential's key.
 */
public final class CredentialHistory {

  private long events;
  private long lastSeen = Long.MIN_VALUE;
  private String lastOrigin;
  private final Set<String> networks = new HashSet<>();
  private boolean networksFull;
  private boolean sawProgram;
  private boolean sawBrowser;
  private String programAgent;
  private final List<EventRef> recentDenied = new ArrayList<>();
  private final Map<String, Long> lastAlert = new HashMap<>();

  /** How many events were recorded. */
  public long events() {
    return events;
  }

  /** The latest event time recorded, or null before the first event. */
  public Instant lastSeen() {
    return lastSeen == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastSeen);
  }

  /** Where the latest event came from, {@code path:line}; null before the first event. */
  public String lastOrigin() {
    return lastOrigin;
  }

  public boolean knowsNetwork(String network) {
    return networks.contains(network);
  }

  public int networkCount() {
    return networks.size();
  }

  /** Whether more networks were seen than the cap allowed to remember. */
  public boolean networksFull() {
    return networksFull;
  }

  public boolean sawBrowser() {
    return sawBrowser;
  }

  public boolean sawProgram() {
    return sawProgram;
  }

  /** One user agent of a program that used the credential, or null. */
  public String programAgent() {
    return programAgent;
  }

  /** The kept denied calls at or after {@code from}, oldest first. */
  public List<EventRef> deniedSince(Instant from) {
    return recentDenied.stream().filter(e -> !e.time().isBefore(from)).toList();
  }

  /**
   * Records that {@code rule} alerted at {@code time} unless it did within {@code window} of it;
   * returns whether the new alert may go out.
   */
  public boolean claimAlert(String rule, Instant time, java.time.Duration window) {
    Long last = lastAlert.get(rule);
    long t = time.toEpochMilli();
    if (last != null && Math.abs(t - last) < window.toMillis()) {
      return false;
    }
    lastAlert.put(rule, t);
    return true;
  }

  /**
   * Adds {@code event}.
   *
   * @param network the event's network as {@link Networks} names it, or null without an address
   * @param kind the kind of client that made the call
   * @param limits caps on what is remembered
   */
  public void record(AccessEvent event, String network, ClientKind kind, Limits limits) {
    events++;
    long t = event.time().toEpochMilli();
    if (t >= lastSeen) {
      lastSeen = t;
      lastOrigin = event.origin() == null ? null : event.origin().describe();
    }
    if (network != null && !networks.contains(network)) {
      if (networks.size() < limits.maxNetworks()) {
        networks.add(network);
      } else {
        networksFull = true;
      }
    }
    if (kind == ClientKind.BROWSER) {
      sawBrowser = true;
    } else if (kind == ClientKind.PROGRAM) {
      sawProgram = true;
      programAgent = programAgent == null ? event.userAgent() : programAgent;
    }
    if (event.outcome() == Outcome.DENIED) {
      keepDenied(EventRef.of(event), limits);
    }
  }

  /** Keeps the newest denied calls of the window, in time order, at most {@code maxDenied}. */
  private void keepDenied(EventRef denied, Limits limits) {
    int at = recentDenied.size();
    while (at > 0 && recentDenied.get(at - 1).time().isAfter(denied.time())) {
      at--;
    }
    recentDenied.add(at, denied);
    Instant newest = recentDenied.get(recentDenied.size() - 1).time();
    Instant from = newest.minus(limits.deniedWindow());
    recentDenied.removeIf(e -> e.time().isBefore(from));
    while (recentDenied.size() > limits.maxDenied()) {
      recentDenied.remove(0);
    }
  }

  /** What the history may hold at most. */
  public record Limits(int maxNetworks, int maxDenied, java.time.Duration deniedWindow)
      implements java.io.Serializable {}
}
