package org.nhiaudit.inventory;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

/**
 * One credential as the inventory knows it.
 *
 * @param credential its id as events name it: an access key id, a role ARN, a key or token id
 * @param kind the sort of credential
 * @param provider the platform
 * @param identity the principal it belongs to
 * @param actorClass who uses it
 * @param active false when the provider reports it disabled or inactive
 * @param created when it was issued, or null
 * @param lastRotated when it was last rotated, or null (then {@code created} is the age)
 * @param lastUsed when the provider last saw it used, or null when never or unknown
 * @param expires when it stops working, or null when it never expires
 * @param owner the accountable person or team, or null
 * @param team the owning team, or null
 * @param environment e.g. prod, dev, or null
 * @param scopes scopes granted to the credential itself (tokens), empty for keys and roles
 * @param source which inventory input said so, for evidence
 */
public record CredentialRecord(
    String credential,
    CredentialKind kind,
    String provider,
    String identity,
    ActorClass actorClass,
    boolean active,
    Instant created,
    Instant lastRotated,
    Instant lastUsed,
    Instant expires,
    String owner,
    String team,
    String environment,
    List<String> scopes,
    String source)
    implements Serializable {

  public CredentialRecord {
    scopes = List.copyOf(scopes);
  }
}
