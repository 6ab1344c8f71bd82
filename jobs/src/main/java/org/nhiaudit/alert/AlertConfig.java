package org.nhiaudit.alert;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nhiaudit.risk.BrowserAgents;
import org.nhiaudit.risk.ConfigException;
import org.nhiaudit.risk.RiskConfig;
import org.nhiaudit.risk.Severity;

/**
 * The thresholds of the streaming alert rules: the {@code alerts} section of the same file as the
 * risk scores. {@link RiskConfig} has already merged the file over the documented defaults and
 * rejected unknown keys; this class checks the values of the section and types them.
 *
 * @param suppress one alert per credential and rule within this span of event time
 * @param stateTtl how long an idle credential's history is kept (processing time)
 * @param usageRetention how many days of activity before a key's last event (event time) the
 *     streaming usage aggregates keep per day
 * @param browserMarkers the risk section's {@code browserAgents.markers}
 * @param notBrowser the risk section's {@code browserAgents.notBrowser}
 */
public record AlertConfig(
    Duration suppress,
    Duration stateTtl,
    Duration usageRetention,
    List<String> browserMarkers,
    List<String> notBrowser,
    Dormant dormant,
    NewSource newSource,
    NewClient newClient,
    Persistence persistence,
    DeniedBurst deniedBurst,
    Severity revokedUse)
    implements Serializable {

  private static final String RULES = "alerts.rules.";

  public AlertConfig {
    browserMarkers = List.copyOf(browserMarkers);
    notBrowser = List.copyOf(notBrowser);
  }

  /** How browsers are told from programs; built on demand since it is not serializable. */
  public BrowserAgents browserAgents() {
    return new BrowserAgents(browserMarkers, notBrowser);
  }

  /** Settings of the dormant-reuse rule. */
  public record Dormant(Severity severity, Duration idle) implements Serializable {}

  /** Settings of the new-source rule. */
  public record NewSource(
      Severity severity, int minEvents, int ipv4Bits, int ipv6Bits, int maxNetworks)
      implements Serializable {}

  /** Settings of the new-client rule. */
  public record NewClient(Severity severity, int minEvents) implements Serializable {}

  /** Settings of the persistence-call rule. */
  public record Persistence(Severity severity, List<String> actions) implements Serializable {
    public Persistence {
      actions = List.copyOf(actions);
    }
  }

  /** Settings of the denied-burst rule. */
  public record DeniedBurst(Severity severity, int minDenied, Duration window)
      implements Serializable {}

  /** The alert settings of the documented defaults. */
  public static AlertConfig defaults() {
    return of(RiskConfig.defaults());
  }

  /**
   * The alert settings of an already loaded configuration.
   *
   * @throws ConfigException naming every bad value of the section
   */
  public static AlertConfig of(RiskConfig config) {
    Values v = new Values(config.asMap());
    int idleDays = v.whole(RULES + "dormant-reuse.idleDays", 1, 36_500);
    AlertConfig alerts =
        new AlertConfig(
            Duration.ofMinutes(v.whole("alerts.suppressMinutes", 1, 5_256_000)),
            Duration.ofDays(v.whole("alerts.stateTtlDays", 1, 36_500)),
            Duration.ofDays(v.whole("alerts.usageRetentionDays", 1, 36_500)),
            config.browserAgents().markers(),
            config.browserAgents().notBrowser(),
            new Dormant(v.severity(RULES + "dormant-reuse.severity"), Duration.ofDays(idleDays)),
            new NewSource(
                v.severity(RULES + "new-source.severity"),
                v.whole(RULES + "new-source.minEvents", 0, Integer.MAX_VALUE),
                v.whole(RULES + "new-source.ipv4PrefixBits", 1, 32),
                v.whole(RULES + "new-source.ipv6PrefixBits", 1, 128),
                v.whole(RULES + "new-source.maxNetworks", 1, 100_000)),
            new NewClient(
                v.severity(RULES + "new-client.severity"),
                v.whole(RULES + "new-client.minEvents", 0, Integer.MAX_VALUE)),
            new Persistence(
                v.severity(RULES + "persistence-call.severity"),
                v.texts(RULES + "persistence-call.actions")),
            new DeniedBurst(
                v.severity(RULES + "denied-burst.severity"),
                v.whole(RULES + "denied-burst.minDenied", 1, 100_000),
                Duration.ofMinutes(v.whole(RULES + "denied-burst.windowMinutes", 1, 10_080))),
            v.severity(RULES + "revoked-use.severity"));
    if (alerts.stateTtl().compareTo(alerts.dormant().idle()) <= 0) {
      v.problems.add(
          "alerts.stateTtlDays must be more than alerts.rules.dormant-reuse.idleDays ("
              + idleDays
              + "), was "
              + alerts.stateTtl().toDays());
    }
    if (!v.problems.isEmpty()) {
      throw new ConfigException(v.problems);
    }
    return alerts;
  }

  /** Typed reads from the flattened effective configuration, collecting every problem. */
  private static final class Values {
    private final Map<String, Object> flat;
    private final List<String> problems = new ArrayList<>();

    Values(Map<String, Object> flat) {
      this.flat = flat;
    }

    int whole(String key, int min, int max) {
      Object value = flat.get(key);
      if (value instanceof Long n && n >= min && n <= max) {
        return n.intValue();
      }
      problems.add(key + " must be a whole number from " + min + " to " + max + ", was " + value);
      return min;
    }

    Severity severity(String key) {
      Object value = flat.get(key);
      for (Severity s : Severity.values()) {
        if (s.name().equalsIgnoreCase(String.valueOf(value))) {
          return s;
        }
      }
      problems.add(key + " must be critical, high, medium, low or info, was " + value);
      return Severity.INFO;
    }

    List<String> texts(String key) {
      Object value = flat.get(key);
      if (value instanceof List<?> list && list.stream().allMatch(Values::nonBlankText)) {
        return list.stream().map(String::valueOf).toList();
      }
      problems.add(key + " must be a list of non-empty text values, was " + value);
      return List.of();
    }

    private static boolean nonBlankText(Object o) {
      return o instanceof String s && !s.isBlank();
    }
  }

  /** The severity's lower-case name, as alerts print it. */
  static String name(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }
}
