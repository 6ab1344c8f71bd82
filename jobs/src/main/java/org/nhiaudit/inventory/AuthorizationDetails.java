package org.nhiaudit.inventory;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code get-account-authorization-details} file says.
 *
 * @param principals every user and role, with grants expanded
 * @param roleCredentials each role again as a credential (a role is what assumed-role events name)
 * @param notExpanded per principal identity, the grant sources that could not be expanded: managed
 *     policies (by ARN) whose document the file lacks, and groups it does not describe
 * @param users how many entries UserDetailList held
 * @param groups how many entries GroupDetailList held
 * @param roles how many entries RoleDetailList held
 * @param policies how many entries Policies held
 */
public record AuthorizationDetails(
    List<Principal> principals,
    List<CredentialRecord> roleCredentials,
    Map<String, List<String>> notExpanded,
    int users,
    int groups,
    int roles,
    int policies)
    implements Serializable {

  public AuthorizationDetails {
    principals = List.copyOf(principals);
    roleCredentials = List.copyOf(roleCredentials);
    Map<String, List<String>> copy = new HashMap<>();
    notExpanded.forEach((identity, sources) -> copy.put(identity, List.copyOf(sources)));
    notExpanded = Map.copyOf(copy);
  }

  /** All entries of the four lists together. */
  public int entries() {
    return users + groups + roles + policies;
  }
}
