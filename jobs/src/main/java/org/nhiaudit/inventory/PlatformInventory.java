package org.nhiaudit.inventory;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one GCP or Kubernetes inventory file said, before it is merged with the others. Grants are
 * kept as bindings rather than put on principals straight away, because a policy or a role binding
 * often sits in another file than the accounts it names.
 *
 * @param principals service accounts the file lists
 * @param credentials credentials the file lists: keys, and accounts used without a key
 * @param roles Kubernetes roles by {@link Binding#role() key}, with the grants their rules make
 * @param bindings who holds which role
 * @param entries how many entries the file held, for the run summary
 */
public record PlatformInventory(
    List<Principal> principals,
    List<CredentialRecord> credentials,
    Map<String, List<Grant>> roles,
    List<Binding> bindings,
    int entries)
    implements Serializable {

  public PlatformInventory {
    principals = List.copyOf(principals);
    credentials = List.copyOf(credentials);
    Map<String, List<Grant>> copy = new HashMap<>();
    roles.forEach((key, grants) -> copy.put(key, List.copyOf(grants)));
    roles = Map.copyOf(copy);
    bindings = List.copyOf(bindings);
  }

  /**
   * One principal holding one role.
   *
   * @param identity the principal, as events name it
   * @param provider its platform, for a principal no account list names
   * @param type the provider's word for it, for the same case
   * @param role the role as the binding names it: a GCP role name, or a Kubernetes role key ({@code
   *     ClusterRole/NAME} or {@code Role/NAMESPACE/NAME})
   * @param grants the grants the role gives when the binding itself tells them (GCP), else empty
   *     and looked up in {@link #roles()} of all files when merging
   * @param source where the binding is, for evidence
   */
  public record Binding(
      String identity, String provider, String type, String role, List<Grant> grants, String source)
      implements Serializable {

    public Binding {
      grants = List.copyOf(grants);
    }
  }
}
