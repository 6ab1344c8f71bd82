package org.nhiaudit.risk;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.nhiaudit.inventory.PermissionUse;
import org.nhiaudit.model.CredentialKind;

/**
 * The risk of one credential: a capped sum of factor points, every point explained.
 *
 * @param credential the credential id
 * @param identity the principal it belongs to
 * @param provider the platform
 * @param kind the sort of credential
 * @param owner the accountable owner, or null
 * @param team the owning team, or null
 * @param environment e.g. prod or dev, or null
 * @param lastUsed the last time it was seen used (logs or inventory), or null
 * @param created when it was issued or last rotated, per the inventory, or null when unknown
 * @param score 0 to 100
 * @param severity the band {@code score} falls in
 * @param action what the reviewer is advised to do
 * @param factors the factors that gave points, highest first
 * @param permissions granted patterns against observed actions, or null without an inventory
 * @param notEvaluated factor ids that could not be evaluated, with the reason, e.g. "unused
 *     permissions: no inventory given"
 */
public record Score(
    String credential,
    String identity,
    String provider,
    CredentialKind kind,
    String owner,
    String team,
    String environment,
    Instant lastUsed,
    Instant created,
    int score,
    Severity severity,
    RecommendedAction action,
    List<FactorResult> factors,
    PermissionUse permissions,
    List<String> notEvaluated)
    implements Serializable {

  public Score {
    factors = List.copyOf(factors);
    notEvaluated = List.copyOf(notEvaluated);
  }
}
