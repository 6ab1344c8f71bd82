package org.nhiaudit.inventory;

import java.io.Serializable;
import java.util.List;

/**
 * Granted patterns set against the actions a credential was seen to use.
 *
 * @param granted how many distinct Allow patterns the principal holds
 * @param used the Allow patterns that matched at least one observed action
 * @param unused the Allow patterns that matched none, i.e. never observed in the period
 * @param ungranted observed actions that no Allow pattern covers (granted elsewhere, or denied)
 * @param administrative the Allow patterns that amount to full or service-wide control
 */
public record PermissionUse(
    int granted,
    List<String> used,
    List<String> unused,
    List<String> ungranted,
    List<String> administrative)
    implements Serializable {

  public PermissionUse {
    used = List.copyOf(used);
    unused = List.copyOf(unused);
    ungranted = List.copyOf(ungranted);
    administrative = List.copyOf(administrative);
  }
}
