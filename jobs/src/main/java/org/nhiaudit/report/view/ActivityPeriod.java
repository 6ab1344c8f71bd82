package org.nhiaudit.report.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;

/**
 * The days a run observed, cut into at most {@link #MAX_BUCKETS} equal buckets so every sparkline
 * of a report has the same time axis and a long period still fits a small chart.
 */
public record ActivityPeriod(LocalDate first, LocalDate last, int daysPerBucket) {

  public static final int MAX_BUCKETS = 60;

  /** The period from {@code start} to {@code end}; one day ending at {@code asOf} when unknown. */
  public static ActivityPeriod of(Instant start, Instant end, Instant asOf) {
    Instant to = end != null ? end : asOf;
    Instant from = start != null ? start : to;
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
    if (last.isBefore(first)) {
      last = first;
    }
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    int perBucket = (int) ((days + MAX_BUCKETS - 1) / MAX_BUCKETS);
    return new ActivityPeriod(first, last, perBucket);
  }

  public int buckets() {
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    return (int) ((days + daysPerBucket - 1) / daysPerBucket);
  }

  /** Events per bucket; days outside the period are left out. */
  public Sparkline sparkline(SortedMap<LocalDate, Long> perDay) {
    long[] counts = new long[buckets()];
    for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
      long offset = ChronoUnit.DAYS.between(first, day.getKey());
      if (offset >= 0 && offset / daysPerBucket < counts.length) {
        counts[(int) (offset / daysPerBucket)] += day.getValue();
      }
    }
    return new Sparkline(counts, daysPerBucket);
  }
}
