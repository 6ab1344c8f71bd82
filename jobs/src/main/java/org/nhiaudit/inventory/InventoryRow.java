package org.nhiaudit.inventory;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.nhiaudit.model.CredentialKind;

/**
 * One entry of a generic inventory file (YAML or CSV); see {@code docs/inventory-format.md}. Absent
 * values are null, so that merging can tell "not said" from "said".
 *
 * @param id the credential id as events name it, or a principal identity
 * @param kind the sort of credential, or null when the row does not say
 * @param active null when the row does not say (a new credential then counts as active)
 * @param scopes empty when the row does not say
 * @param location where the row is in its file, for evidence and errors
 */
public record InventoryRow(
    String id,
    CredentialKind kind,
    String provider,
    String identity,
    String owner,
    String team,
    String environment,
    Instant created,
    Instant lastRotated,
    Instant expires,
    Instant lastUsed,
    Boolean active,
    List<String> scopes,
    String description,
    String source,
    String location)
    implements Serializable {

  public InventoryRow {
    scopes = List.copyOf(scopes);
  }
}
