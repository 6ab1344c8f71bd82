package org.nhiaudit.report.view;

import java.util.List;

/**
 * Granted permissions set against the ones the credential was seen to use.
 *
 * @param granted how many distinct patterns are granted
 * @param used granted patterns that matched an observed action
 * @param unused granted patterns never observed in the period; the candidates for removal
 * @param administrative granted patterns that amount to full or service-wide control
 * @param ungranted observed actions no granted pattern covers
 */
public record PermissionView(
    int granted,
    List<String> used,
    List<String> unused,
    List<String> administrative,
    List<String> ungranted) {

  public PermissionView {
    used = List.copyOf(used);
    unused = List.copyOf(unused);
    administrative = List.copyOf(administrative);
    ungranted = List.copyOf(ungranted);
  }

  /** Whole percent of granted patterns seen in use; 0 when nothing is granted. */
  public int usedPercent() {
    return granted == 0 ? 0 : Math.round(100f * used.size() / granted);
  }

  /** Whether the credential holds patterns it never used, or administrative ones. */
  public boolean overPrivileged() {
    return !unused.isEmpty() || !administrative.isEmpty();
  }
}
