package org.nhiaudit.report.view;

import java.util.ArrayList;
import java.util.List;

/** Lays out bar charts: fixed canvas, bars scaled to the largest value, labels below. */
public final class Charts {

  static final int WIDTH = 360;
  static final int HEIGHT = 150;
  static final int BASELINE = 122;
  private static final int TOP = 16;
  private static final int SIDE = 6;
  private static final int GAP = 6;

  private Charts() {}

  /** One bar's input: its label, value and colour class. */
  public record Item(String label, long value, String cssClass) {}

  public static BarChart bars(String title, List<Item> items) {
    long max = Math.max(1, items.stream().mapToLong(Item::value).max().orElse(0));
    int n = Math.max(1, items.size());
    int slot = (WIDTH - 2 * SIDE) / n;
    int barWidth = Math.max(2, slot - GAP);
    List<BarChart.Bar> bars = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      int h = (int) Math.round((double) (BASELINE - TOP) * item.value() / max);
      int x = SIDE + i * slot + (slot - barWidth) / 2;
      bars.add(
          new BarChart.Bar(
              item.label(), item.value(), x, BASELINE - h, barWidth, h, item.cssClass()));
    }
    return new BarChart(title, WIDTH, HEIGHT, BASELINE, bars);
  }
}
