package org.nhiaudit.risk;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nhiaudit.inventory.CredentialRecord;
import org.nhiaudit.inventory.PermissionUse;
import org.nhiaudit.inventory.Principal;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Mask;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Everything known about one credential when it is scored: what the logs showed and what the
 * inventory says. Any of the four sources may be missing; at least the credential id is known.
 *
 * @param credentialId the credential id as events name it
 * @param identity the principal it belongs to, or null
 * @param provider the platform, or null
 * @param kind the sort of credential; {@code UNKNOWN} when null is given
 * @param usage what the logs showed, or null when it was never seen in them
 * @param credential the inventory entry of the credential, or null when there is none
 * @param principal the inventory entry of its principal, or null when unknown
 * @param permissions its grants set against observed actions, or null without grants
 * @param inventoryGiven false when the run had no inventory at all; factors that need one then
 *     report "not evaluated" instead of treating every credential as unknown to the inventory
 */
public record Subject(
    String credentialId,
    String identity,
    String provider,
    CredentialKind kind,
    CredentialUsage usage,
    CredentialRecord credential,
    Principal principal,
    PermissionUse permissions,
    boolean inventoryGiven) {

  public Subject {
    Objects.requireNonNull(credentialId, "credentialId");
    kind = kind == null ? CredentialKind.UNKNOWN : kind;
  }

  /**
   * A subject whose id, identity, provider and kind are taken from the inventory entry first, then
   * the usage, then the principal. At least one of the three must be given.
   */
  public static Subject of(
      CredentialUsage usage,
      CredentialRecord credential,
      Principal principal,
      PermissionUse permissions,
      boolean inventoryGiven) {
    if (usage == null && credential == null && principal == null) {
      throw new IllegalArgumentException("a subject needs usage, a credential or a principal");
    }
    String id =
        first(
            credential == null ? null : credential.credential(),
            usage == null ? null : usage.credential(),
            principal == null ? null : principal.identity());
    String identity =
        first(
            credential == null ? null : credential.identity(),
            usage == null ? null : usage.identity(),
            principal == null ? null : principal.identity());
    String provider =
        first(
            credential == null ? null : credential.provider(),
            usage == null ? null : usage.provider(),
            principal == null ? null : principal.provider());
    CredentialKind kind = credential == null ? null : credential.kind();
    if ((kind == null || kind == CredentialKind.UNKNOWN) && usage != null) {
      kind = usage.credentialKind();
    }
    return new Subject(
        id, identity, provider, kind, usage, credential, principal, permissions, inventoryGiven);
  }

  /**
   * The last time it was used: the later of the last event in the logs and the inventory's
   * last-used date. The principal's date counts only when the principal is the credential itself (a
   * role keyed by its ARN); a user's last activity says nothing about one of its several keys.
   */
  public Instant lastUsed() {
    Instant last = usage == null ? null : usage.lastSeen();
    last = later(last, credential == null ? null : credential.lastUsed());
    return principalIsCredential() ? later(last, principal.lastUsed()) : last;
  }

  /** When it was issued, from the inventory; null when unknown. */
  public Instant created() {
    if (credential != null && credential.created() != null) {
      return credential.created();
    }
    return principalIsCredential() ? principal.created() : null;
  }

  /** The accountable owner named by the credential's entry or else its principal's, or null. */
  public String owner() {
    String owner = credential == null ? null : credential.owner();
    return first(blankToNull(owner), principal == null ? null : blankToNull(principal.owner()));
  }

  /** The owning team from the credential's entry, else the principal's {@code team} tag. */
  public String team() {
    return first(credential == null ? null : blankToNull(credential.team()), tag("team"));
  }

  /** The environment from the credential's entry, else the principal's environment tag. */
  public String environment() {
    String own = credential == null ? null : blankToNull(credential.environment());
    return first(own, tag("environment"), tag("env"));
  }

  /** Who uses it according to the inventory, or null when the inventory does not say. */
  public ActorClass actorClass() {
    if (credential != null && credential.actorClass() != null) {
      return credential.actorClass();
    }
    return principal == null ? null : principal.actorClass();
  }

  /** False only when the inventory reports the credential disabled. */
  public boolean active() {
    return credential == null || credential.active();
  }

  /** The provider's word for the principal type, from the logs or the inventory, or null. */
  public String identityType() {
    if (usage != null && usage.identityType() != null) {
      return usage.identityType();
    }
    return principal == null ? null : principal.type();
  }

  /** How evidence names it: its kind and masked id, e.g. "access key AKIA…WXYZ". */
  public String describe() {
    return noun(kind) + " " + Mask.credential(credentialId);
  }

  private static String noun(CredentialKind kind) {
    return switch (kind) {
      case ACCESS_KEY -> "access key";
      case ROLE -> "role";
      case SESSION -> "session";
      case SERVICE_ACCOUNT -> "service account";
      case TOKEN -> "token";
      case APP -> "app";
      case CERTIFICATE -> "certificate";
      case ROOT -> "root credential";
      case UNKNOWN -> "credential";
    };
  }

  private boolean principalIsCredential() {
    return principal != null && credentialId.equals(principal.identity());
  }

  private String tag(String name) {
    if (principal == null) {
      return null;
    }
    for (Map.Entry<String, String> tag : principal.tags().entrySet()) {
      if (tag.getKey().toLowerCase(Locale.ROOT).equals(name)) {
        return blankToNull(tag.getValue());
      }
    }
    return null;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
