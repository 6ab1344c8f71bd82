package org.nhiaudit.report.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nhiaudit.risk.Severity;

/** Computes the executive summary's figures and charts from the credential views. */
public final class SummaryBuilder {

  static final int RISKIEST = 10;

  private SummaryBuilder() {}

  /** The summary; {@code credentials} are riskiest first, {@code change} may be null. */
  public static SummaryView build(List<CredentialView> credentials, ChangeView change) {
    long total = credentials.size();
    double mean = credentials.stream().mapToInt(CredentialView::score).average().orElse(0);
    return new SummaryView(
        total,
        Texts.oneDecimal(mean),
        countBy(credentials, CredentialView::provider),
        countBy(credentials, CredentialView::kind),
        severities(credentials),
        shares(credentials),
        credentials.subList(0, (int) Math.min(RISKIEST, total)),
        riskChart(credentials),
        ageChart(credentials),
        severityChart(credentials),
        change);
  }

  private static List<CountRow> countBy(
      List<CredentialView> credentials, Function<CredentialView, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    for (CredentialView c : credentials) {
      String k = key.apply(c);
      counts.merge(k == null || k.isBlank() ? "unknown" : k, 1L, Long::sum);
    }
    List<CountRow> rows = new ArrayList<>();
    counts.forEach((k, v) -> rows.add(new CountRow(k, v)));
    rows.sort(Comparator.comparingLong(CountRow::count).reversed());
    return rows;
  }

  private static Map<Severity, Long> severityCounts(List<CredentialView> credentials) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0L);
    }
    credentials.forEach(c -> counts.merge(Severity.valueOf(c.severity()), 1L, Long::sum));
    return counts;
  }

  private static List<SeverityRow> severities(List<CredentialView> credentials) {
    List<SeverityRow> rows = new ArrayList<>();
    severityCounts(credentials)
        .forEach(
            (s, n) -> rows.add(new SeverityRow(s.name(), n, Texts.percent(n, credentials.size()))));
    return rows;
  }

  private static List<Share> shares(List<CredentialView> credentials) {
    long withInventory = credentials.stream().filter(c -> c.permissions() != null).count();
    return List.of(
        share(
            "Dormant",
            credentials,
            credentials.size(),
            CredentialView::dormant,
            "not used for the dormancy threshold of the risk configuration (default "
                + CredentialViews.DORMANT_DAYS
                + " days) before the as-of date, or never seen in the logs"),
        share(
            "Old",
            credentials,
            credentials.size(),
            CredentialView::oldCredential,
            "older than the age limit of the risk configuration (an age factor gave points)"),
        share(
            "Over-privileged",
            credentials,
            withInventory,
            CredentialView::overPrivileged,
            "holds granted permissions never used in the period, or administrative ones;"
                + " judged over the credentials an inventory describes"));
  }

  private static Share share(
      String label,
      List<CredentialView> credentials,
      long of,
      Predicate<CredentialView> test,
      String definition) {
    long n = credentials.stream().filter(test).count();
    return new Share(label, n, of, Texts.percent(n, of), definition);
  }

  private static BarChart riskChart(List<CredentialView> credentials) {
    long[] buckets = new long[10];
    credentials.forEach(c -> buckets[Math.min(9, Math.max(0, c.score()) / 10)]++);
    List<Charts.Item> items = new ArrayList<>();
    for (int i = 0; i < buckets.length; i++) {
      items.add(new Charts.Item(i * 10 + "+", buckets[i], "risk-" + i));
    }
    return Charts.bars("Credentials by risk score", items);
  }

  private static BarChart ageChart(List<CredentialView> credentials) {
    long[] buckets = new long[5];
    for (CredentialView c : credentials) {
      buckets[ageBucket(c.ageDays())]++;
    }
    return Charts.bars(
        "Credentials by age",
        List.of(
            new Charts.Item("< 90 d", buckets[0], "age-0"),
            new Charts.Item("90 d-1 y", buckets[1], "age-1"),
            new Charts.Item("1-2 y", buckets[2], "age-2"),
            new Charts.Item("> 2 y", buckets[3], "age-3"),
            new Charts.Item("unknown", buckets[4], "age-unknown")));
  }

  private static int ageBucket(Long days) {
    if (days == null) {
      return 4;
    }
    if (days < 90) {
      return 0;
    }
    if (days < 365) {
      return 1;
    }
    return days < 730 ? 2 : 3;
  }

  private static BarChart severityChart(List<CredentialView> credentials) {
    List<Charts.Item> items = new ArrayList<>();
    severityCounts(credentials)
        .forEach((s, n) -> items.add(new Charts.Item(s.name(), n, SeverityRow.cssClass(s.name()))));
    return Charts.bars("Credentials by severity", items);
  }
}
