package org.nhiaudit.inventory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nhiaudit.inventory.InventoryValues.TagRole;

/**
 * Everything the inventory files said, merged: the principals with what they may do, the
 * credentials with their dates and owners, and the files read. Immutable and serializable, so one
 * instance can be shipped to every worker of a job. Built by {@link InventoryLoader}.
 */
public final class Inventory implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<CredentialRecord> credentials;
  private final List<Principal> principals;
  private final Map<String, CredentialRecord> credentialById;
  private final Map<String, Principal> principalByIdentity;
  private final Map<String, List<CredentialRecord>> credentialsByIdentity;
  private final Map<String, List<String>> notExpanded;
  private final List<InventoryInput> inputs;
  private final List<String> skipped;

  /**
   * @param credentials the credentials; ids must be unique
   * @param principals the principals; identities must be unique
   * @param notExpanded per identity, grant sources that could not be expanded
   * @param inputs the files read
   * @param skipped the files seen but not recognised as inventory
   */
  public Inventory(
      List<CredentialRecord> credentials,
      List<Principal> principals,
      Map<String, List<String>> notExpanded,
      List<InventoryInput> inputs,
      List<String> skipped) {
    this.credentials =
        credentials.stream().sorted(Comparator.comparing(CredentialRecord::credential)).toList();
    this.principals =
        principals.stream().sorted(Comparator.comparing(Principal::identity)).toList();
    this.credentialById = index(this.credentials);
    this.principalByIdentity = new HashMap<>();
    this.principals.forEach(p -> principalByIdentity.put(p.identity(), p));
    this.credentialsByIdentity = byIdentity(this.credentials);
    Map<String, List<String>> copy = new HashMap<>();
    notExpanded.forEach((identity, sources) -> copy.put(identity, List.copyOf(sources)));
    this.notExpanded = Map.copyOf(copy);
    this.inputs = List.copyOf(inputs);
    this.skipped = List.copyOf(skipped);
  }

  /** An inventory that knows nothing, for runs without inventory files. */
  public static Inventory empty() {
    return new Inventory(List.of(), List.of(), Map.of(), List.of(), List.of());
  }

  /** The credential with this id, or null. */
  public CredentialRecord credential(String id) {
    return id == null ? null : credentialById.get(id);
  }

  /** The principal with this identity (an ARN, a service-account e-mail), or null. */
  public Principal principal(String identity) {
    return identity == null ? null : principalByIdentity.get(identity);
  }

  /** The credentials that belong to this identity, sorted by id; empty when none. */
  public List<CredentialRecord> credentialsOf(String identity) {
    return identity == null ? List.of() : credentialsByIdentity.getOrDefault(identity, List.of());
  }

  /** All credentials, sorted by id. */
  public List<CredentialRecord> credentials() {
    return credentials;
  }

  /** All principals, sorted by identity. */
  public List<Principal> principals() {
    return principals;
  }

  /**
   * Who is accountable for a credential: its own owner, else its principal's owner, else an owner
   * tag on the principal, else null. The principal is {@code identity} when given, else the one the
   * credential record names.
   */
  public String ownerOf(String credentialId, String identity) {
    CredentialRecord credential = credential(credentialId);
    if (credential != null && credential.owner() != null) {
      return credential.owner();
    }
    String who = identity != null ? identity : credential == null ? null : credential.identity();
    Principal principal = principal(who);
    if (principal == null) {
      return null;
    }
    if (principal.owner() != null) {
      return principal.owner();
    }
    return InventoryValues.tag(principal.tags(), TagRole.OWNER);
  }

  /**
   * Grant sources of this principal that could not be expanded (managed policies by ARN, groups by
   * name): its grants are incomplete by these.
   */
  public List<String> notExpanded(String identity) {
    return identity == null ? List.of() : notExpanded.getOrDefault(identity, List.of());
  }

  /** The files read, in the order read. */
  public List<InventoryInput> inputs() {
    return inputs;
  }

  /** The files seen under the roots but not recognised as any inventory format. */
  public List<String> skipped() {
    return skipped;
  }

  private static Map<String, CredentialRecord> index(List<CredentialRecord> credentials) {
    Map<String, CredentialRecord> index = new HashMap<>();
    for (CredentialRecord credential : credentials) {
      if (index.put(credential.credential(), credential) != null) {
        throw new IllegalArgumentException("duplicate credential id " + credential.credential());
      }
    }
    return index;
  }

  private static Map<String, List<CredentialRecord>> byIdentity(List<CredentialRecord> sorted) {
    Map<String, List<CredentialRecord>> lists = new HashMap<>();
    for (CredentialRecord credential : sorted) {
      if (credential.identity() != null) {
        lists.computeIfAbsent(credential.identity(), k -> new ArrayList<>()).add(credential);
      }
    }
    Map<String, List<CredentialRecord>> frozen = new HashMap<>();
    lists.forEach((identity, list) -> frozen.put(identity, List.copyOf(list)));
    return frozen;
  }
}
