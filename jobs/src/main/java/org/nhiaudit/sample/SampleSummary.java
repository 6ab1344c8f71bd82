package org.nhiaudit.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run of the generator wrote.
 *
 * @param actors every principal of the company
 * @param lastUse the last use seen in the window, per actor ARN
 * @param objects how many CloudTrail delivery objects, the damaged one included
 * @param events how many records the intact objects hold
 * @param damagedObject the deliberately truncated object
 * @param damagedRecords how many records the damaged object began with
 * @param inventoryFiles the inventory files written, empty with {@code --no-inventory}
 */
public record SampleSummary(
    List<Actor> actors,
    Map<String, LastUse> lastUse,
    int objects,
    long events,
    Path damagedObject,
    int damagedRecords,
    List<Path> inventoryFiles) {

  public SampleSummary {
    actors = List.copyOf(actors);
    lastUse = Map.copyOf(lastUse);
    inventoryFiles = List.copyOf(inventoryFiles);
  }

  /** The actor carrying {@code planted}. */
  public Actor planted(Planted planted) {
    return actors.stream()
        .filter(a -> a.planted() == planted)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no actor carries " + planted));
  }
}
