package org.nhiaudit.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nhiaudit.inventory.CredentialRecord;
import org.nhiaudit.inventory.Grant;
import org.nhiaudit.inventory.Inventory;
import org.nhiaudit.inventory.PermissionAnalyzer;
import org.nhiaudit.inventory.PermissionUse;
import org.nhiaudit.inventory.Principal;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Joins what the logs showed with what the inventory says, one {@link Subject} per credential:
 * every credential seen in use, and every non-human credential the inventory lists that was not.
 *
 * <h2>Joining</h2>
 *
 * A credential seen in the logs is matched to the inventory by its id (an access key id, a role
 * ARN), and its principal by identity. An IAM credential report names a user's keys only by slot
 * ({@code <user ARN>#access_key_1}); when the inventory could not bind a slot to a key id and the
 * user has exactly one unbound active slot, the key seen in the logs is taken to be that slot, so
 * one key is not reported twice (once as used, once as never used). With two unbound active slots
 * the join does not guess, and the slots stay separate subjects.
 */
public final class Subjects {

  private static final String SLOT = "#access_key_";

  private Subjects() {}

  /**
   * @param usage per-credential aggregates from the logs
   * @param inventory the loaded inventory, or {@link Inventory#empty()} when none was given
   * @param inventoryGiven whether an inventory was given at all
   */
  public static List<Subject> join(
      List<CredentialUsage> usage, Inventory inventory, boolean inventoryGiven) {
    List<Subject> subjects = new ArrayList<>();
    Set<String> matched = new HashSet<>();
    Set<String> identitiesSeen = new HashSet<>();
    for (CredentialUsage u : usage) {
      if (u.identity() != null) {
        identitiesSeen.add(u.identity());
      }
      CredentialRecord credential = inventory.credential(u.key());
      if (credential == null) {
        credential = onlyUnboundSlot(inventory, u.identity(), matched);
      }
      if (credential != null) {
        matched.add(credential.credential());
      }
      Principal principal = principalOf(inventory, credential, u.identity());
      subjects.add(
          Subject.of(
              u, credential, principal, permissions(principal, u.actions()), inventoryGiven));
    }
    for (CredentialRecord credential : inventory.credentials()) {
      if (matched.contains(credential.credential())
          || isSelfSeenOtherwise(credential, identitiesSeen)
          || credential.actorClass() == ActorClass.HUMAN
          || credential.actorClass() == ActorClass.SERVICE) {
        continue;
      }
      Principal principal = principalOf(inventory, credential, credential.identity());
      subjects.add(Subject.of(null, credential, principal, permissions(principal, Map.of()), true));
    }
    return subjects;
  }

  private static boolean isSelfSeenOtherwise(CredentialRecord credential, Set<String> seen) {
    return credential.credential().equals(credential.identity())
        && seen.contains(credential.identity());
  }

  private static CredentialRecord onlyUnboundSlot(
      Inventory inventory, String identity, Set<String> matched) {
    if (identity == null) {
      return null;
    }
    List<CredentialRecord> slots =
        inventory.credentialsOf(identity).stream()
            .filter(c -> c.credential().contains(SLOT) && c.active())
            .filter(c -> !matched.contains(c.credential()))
            .toList();
    return slots.size() == 1 ? slots.get(0) : null;
  }

  private static Principal principalOf(
      Inventory inventory, CredentialRecord credential, String identity) {
    String id =
        credential != null && credential.identity() != null ? credential.identity() : identity;
    return id == null ? null : inventory.principal(id);
  }

  private static PermissionUse permissions(Principal principal, Map<String, Long> actions) {
    if (principal == null) {
      return null;
    }
    List<Grant> grants = principal.grants();
    return grants.isEmpty() ? null : PermissionAnalyzer.analyze(grants, actions);
  }
}
