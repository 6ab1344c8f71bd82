package org.nhiaudit.report.view;

import java.util.List;

/**
 * A bar chart laid out in SVG user units. The geometry is computed in Java so the template only
 * places elements, and every label goes through the template's escaping like any other text.
 *
 * @param title what the chart shows
 * @param width the viewBox width
 * @param height the viewBox height
 * @param baseline the y of the x axis
 * @param bars the bars, left to right
 */
public record BarChart(String title, int width, int height, int baseline, List<Bar> bars) {

  public BarChart {
    bars = List.copyOf(bars);
  }

  /**
   * One bar with its label under it and its value above it.
   *
   * @param cssClass the class that colours the bar
   */
  public record Bar(
      String label, long value, int x, int y, int width, int height, String cssClass) {

    public int centre() {
      return x + width / 2;
    }
  }
}
