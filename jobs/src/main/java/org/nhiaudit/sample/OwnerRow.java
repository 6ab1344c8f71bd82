package org.nhiaudit.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the generic inventory the generator writes for the platforms besides AWS; see {@code
 * docs/inventory-format.md}. Null fields are left out of the file.
 *
 * @param kind null for a row about a principal, whose owner then covers all its credentials
 */
record OwnerRow(
    String id,
    String kind,
    String provider,
    String identity,
    String owner,
    String team,
    String environment,
    LocalDate created,
    LocalDate expires,
    List<String> scopes,
    String description) {

  OwnerRow {
    scopes = List.copyOf(scopes);
  }
}
