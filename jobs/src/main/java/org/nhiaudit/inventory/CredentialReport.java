package org.nhiaudit.inventory;

import java.io.Serializable;
import java.util.List;

/**
 * What one IAM credential report says.
 *
 * @param principals one per row: the users and the account root
 * @param keys the access-key slots in use, named {@code <userArn>#access_key_1} or {@code _2} until
 *     {@link InventoryLoader} binds them to real key ids
 * @param rows how many data rows the report held
 */
public record CredentialReport(List<Principal> principals, List<CredentialRecord> keys, int rows)
    implements Serializable {

  public CredentialReport {
    principals = List.copyOf(principals);
    keys = List.copyOf(keys);
  }
}
