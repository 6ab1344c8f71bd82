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
 * @param platforms what was written for each platform besides AWS
 */
public record SampleSummary(
    List<Actor> actors,
    Map<String, LastUse> lastUse,
    int objects,
    long events,
    Path damagedObject,
    int damagedRecords,
    List<Path> inventoryFiles,
    List<PlatformLog> platforms) {

  public SampleSummary {
    actors = List.copyOf(actors);
    lastUse = Map.copyOf(lastUse);
    inventoryFiles = List.copyOf(inventoryFiles);
    platforms = List.copyOf(platforms);
  }

  /** The planted and healthy credentials of every platform besides AWS. */
  public List<PlatformCase> platformCases() {
    return platforms.stream().flatMap(p -> p.cases().stream()).toList();
  }

  /** How many records the logs of all platforms hold, CloudTrail's damaged object included. */
  public long allRecords() {
    return events + damagedRecords + platforms.stream().mapToLong(PlatformLog::records).sum();
  }

  /** How many of those records a reader should filter as out of scope. */
  public long filteredRecords() {
    return platforms.stream().mapToLong(PlatformLog::filtered).sum();
  }

  /** The actor carrying {@code planted}. */
  public Actor planted(Planted planted) {
    return actors.stream()
        .filter(a -> a.planted() == planted)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no actor carries " + planted));
  }
}
