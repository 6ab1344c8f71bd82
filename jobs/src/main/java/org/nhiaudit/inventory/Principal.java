package org.nhiaudit.inventory;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.nhiaudit.model.ActorClass;

/**
 * A principal as the inventory knows it: an IAM user or role, a service account, an app.
 *
 * @param identity the stable id used in events (an ARN, a service-account e-mail)
 * @param name the short name
 * @param provider the platform
 * @param account the account, project or tenant
 * @param type the provider's word for it, e.g. {@code user}, {@code role}
 * @param actorClass who uses it: roles for SSO people are HUMAN, service-linked roles SERVICE
 * @param created when it was created, or null
 * @param lastUsed when the provider last saw it used (e.g. RoleLastUsed), or null
 * @param grants what it may do, after expanding groups and attached policies
 * @param tags provider tags (owner and team are often kept there)
 * @param owner the accountable person or team, or null when nobody is named
 */
public record Principal(
    String identity,
    String name,
    String provider,
    String account,
    String type,
    ActorClass actorClass,
    Instant created,
    Instant lastUsed,
    List<Grant> grants,
    Map<String, String> tags,
    String owner)
    implements Serializable {

  public Principal {
    grants = List.copyOf(grants);
    tags = Map.copyOf(tags);
  }
}
