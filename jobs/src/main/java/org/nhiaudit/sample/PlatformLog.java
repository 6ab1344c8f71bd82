package org.nhiaudit.sample;

import java.util.List;

/**
 * What the generator wrote for one platform besides AWS.
 *
 * @param folder the log folder under the output, e.g. {@code gcp}
 * @param provider the provider id its events carry
 * @param records how many log records its files hold
 * @param filtered how many of them a reader should filter as out of scope
 * @param cases the planted credentials, risky and healthy
 * @param owners rows for the ownership register of the other platforms
 * @param inventoryFiles the platform's own inventory exports, names under {@code inventory/}
 */
public record PlatformLog(
    String folder,
    String provider,
    long records,
    long filtered,
    List<PlatformCase> cases,
    List<OwnerRow> owners,
    List<String> inventoryFiles) {

  public PlatformLog {
    cases = List.copyOf(cases);
    owners = List.copyOf(owners);
    inventoryFiles = List.copyOf(inventoryFiles);
  }
}
