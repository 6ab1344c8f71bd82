package org.nhiaudit.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One audit record, normalised. Every stage after the readers speaks only this type.
 *
 * @param time when the call happened (event time)
 * @param provider the platform, for example {@code aws}, {@code gcp}, {@code k8s}
 * @param account the account, project, cluster, tenant or organisation the call was made in
 * @param identity a stable id of the principal (an ARN, a service-account e-mail, a user name)
 * @param identityType the provider's own word for the principal type, for example {@code IAMUser}
 * @param credential the credential used: an access key id, a role, a key or token id; never a
 *     secret
 * @param credentialKind what sort of credential {@code credential} is
 * @param action {@code service:Operation}, or the provider's equivalent
 * @param resources resource names or ARNs the call touched, possibly empty
 * @param sourceAddress the client address as logged (not always an IP), or null
 * @param userAgent the client's user agent as logged, or null
 * @param outcome success, denied or error
 * @param errorCode the provider's error code when the call did not succeed, or null
 * @param region the region, or null
 * @param actorClass non-human, human or service, as decided by {@code classificationRule}
 * @param classificationRule the id of the rule that decided {@code actorClass}
 * @param origin the input location of the record
 */
public record AccessEvent(
    Instant time,
    String provider,
    String account,
    String identity,
    String identityType,
    String credential,
    CredentialKind credentialKind,
    String action,
    List<String> resources,
    String sourceAddress,
    String userAgent,
    Outcome outcome,
    String errorCode,
    String region,
    ActorClass actorClass,
    String classificationRule,
    Origin origin)
    implements Serializable {

  public AccessEvent {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }
}
