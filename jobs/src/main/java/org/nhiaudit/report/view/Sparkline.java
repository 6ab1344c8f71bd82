package org.nhiaudit.report.view;

import java.util.Arrays;

/**
 * Events per time bucket over the run's period, drawn as a small inline SVG line. Only the counts
 * are kept per credential; the coordinates are computed when a page asks for them, so a run of a
 * hundred thousand credentials does not hold a hundred thousand coordinate strings.
 *
 * @param counts events per bucket, oldest first
 * @param daysPerBucket how many days one bucket spans
 */
public record Sparkline(long[] counts, int daysPerBucket) {

  public static final int WIDTH = 160;
  public static final int HEIGHT = 28;
  private static final int PAD = 2;

  public Sparkline {
    counts = counts.clone();
  }

  public long max() {
    return Arrays.stream(counts).max().orElse(0);
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  public boolean empty() {
    return total() == 0;
  }

  /** The {@code points} attribute of an SVG polyline: numbers, commas and spaces only. */
  public String points() {
    StringBuilder out = new StringBuilder();
    long max = Math.max(1, max());
    int n = counts.length;
    for (int i = 0; i < n; i++) {
      double x = n == 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2.0 * PAD) * i / (n - 1);
      double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * counts[i] / max;
      out.append(i == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
    }
    return out.toString();
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 10) / 10.0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sparkline s
        && daysPerBucket == s.daysPerBucket
        && Arrays.equals(counts, s.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(counts) + daysPerBucket;
  }

  @Override
  public String toString() {
    return "Sparkline" + Arrays.toString(counts) + "/" + daysPerBucket + "d";
  }
}
