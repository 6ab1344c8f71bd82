package org.nhiaudit.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nhiaudit.inventory.InventoryValues.TagRole;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

/**
 * Reads the output of {@code aws iam get-account-authorization-details}: UserDetailList,
 * GroupDetailList, RoleDetailList and Policies.
 *
 * <p>For each user and role the effective grants are its inline policies, the default version of
 * each attached managed policy, and for users the inline and attached policies of every group in
 * GroupList. A managed policy whose document is not in the file (AWS-managed policies are left out
 * when the export was filtered) and a group the file does not describe are not guessed at: their
 * ARN or name goes to {@link AuthorizationDetails#notExpanded()}.
 *
 * <p>Not evaluated, so grants overstate what a principal can really do: Conditions, Resource
 * scoping, permission boundaries, service control policies, and resource-based policies (bucket and
 * key policies, role trust policies). Managed policies are looked up in the same file only.
 *
 * <p>Who uses a role: roles under the path {@code /aws-service-role/} are SERVICE (AWS itself acts
 * through them); roles named {@code AWSReservedSSO_*} or under {@code
 * /aws-reserved/sso.amazonaws.com/} are HUMAN (people signed in through IAM Identity Center); all
 * others NON_HUMAN. Users are NON_HUMAN here; the credential report can show a person behind one.
 */
public final class AuthorizationDetailsReader {

  private static final String PROVIDER = "aws";

  private final String file;
  private final Map<String, JsonNode> policies = new HashMap<>();
  private final Map<String, JsonNode> groups = new HashMap<>();
  private final Map<String, List<String>> notExpanded = new LinkedHashMap<>();

  private AuthorizationDetailsReader(String file) {
    this.file = file;
  }

  /**
   * @param root the parsed file
   * @param file the file as named on input, for sources and error messages
   */
  public static AuthorizationDetails read(JsonNode root, String file) {
    return new AuthorizationDetailsReader(file).readAll(root);
  }

  private AuthorizationDetails readAll(JsonNode root) {
    for (JsonNode policy : root.path("Policies")) {
      policies.put(policy.path("Arn").asText(), policy);
    }
    for (JsonNode group : root.path("GroupDetailList")) {
      groups.put(group.path("GroupName").asText(), group);
    }

    List<Principal> principals = new ArrayList<>();
    List<CredentialRecord> roleCredentials = new ArrayList<>();
    int index = 0;
    for (JsonNode user : root.path("UserDetailList")) {
      principals.add(user(user, "UserDetailList[" + index++ + "]"));
    }
    index = 0;
    for (JsonNode role : root.path("RoleDetailList")) {
      Principal principal = role(role, "RoleDetailList[" + index++ + "]");
      principals.add(principal);
      roleCredentials.add(roleCredential(principal));
    }

    return new AuthorizationDetails(
        principals,
        roleCredentials,
        notExpanded,
        root.path("UserDetailList").size(),
        root.path("GroupDetailList").size(),
        root.path("RoleDetailList").size(),
        root.path("Policies").size());
  }

  private Principal user(JsonNode user, String at) {
    String arn = required(user, "Arn", at);
    List<Grant> grants = new ArrayList<>();
    grants.addAll(inline(user.path("UserPolicyList"), "inline:", arn, at));
    grants.addAll(attached(user.path("AttachedManagedPolicies"), "", arn, at));
    for (JsonNode name : user.path("GroupList")) {
      grants.addAll(group(name.asText(), arn, at));
    }

    Map<String, String> tags = tags(user.path("Tags"));
    return new Principal(
        arn,
        required(user, "UserName", at),
        PROVIDER,
        InventoryValues.accountOf(arn),
        "user",
        ActorClass.NON_HUMAN,
        date(user, "CreateDate", at),
        date(user, "PasswordLastUsed", at),
        grants,
        tags,
        InventoryValues.tag(tags, TagRole.OWNER));
  }

  private Principal role(JsonNode role, String at) {
    String arn = required(role, "Arn", at);
    String name = required(role, "RoleName", at);
    List<Grant> grants = new ArrayList<>();
    grants.addAll(inline(role.path("RolePolicyList"), "inline:", arn, at));
    grants.addAll(attached(role.path("AttachedManagedPolicies"), "", arn, at));

    Map<String, String> tags = tags(role.path("Tags"));
    return new Principal(
        arn,
        name,
        PROVIDER,
        InventoryValues.accountOf(arn),
        "role",
        roleActor(role.path("Path").asText("/"), name),
        date(role, "CreateDate", at),
        date(role.path("RoleLastUsed"), "LastUsedDate", at + ".RoleLastUsed"),
        grants,
        tags,
        InventoryValues.tag(tags, TagRole.OWNER));
  }

  /** Who stands behind a role, from its path and name; see the class comment. */
  static ActorClass roleActor(String path, String name) {
    if (path.startsWith("/aws-service-role/")) {
      return ActorClass.SERVICE;
    }
    if (name.startsWith("AWSReservedSSO_") || path.startsWith("/aws-reserved/sso.amazonaws.com/")) {
      return ActorClass.HUMAN;
    }
    return ActorClass.NON_HUMAN;
  }

  private CredentialRecord roleCredential(Principal role) {
    return new CredentialRecord(
        role.identity(),
        CredentialKind.ROLE,
        PROVIDER,
        role.identity(),
        role.actorClass(),
        true,
        role.created(),
        null,
        role.lastUsed(),
        null,
        role.owner(),
        InventoryValues.tag(role.tags(), TagRole.TEAM),
        InventoryValues.tag(role.tags(), TagRole.ENVIRONMENT),
        List.of(),
        file);
  }

  private List<Grant> group(String name, String principal, String at) {
    JsonNode group = groups.get(name);
    if (group == null) {
      notExpanded(principal, "group/" + name);
      return List.of();
    }
    String prefix = "group:" + name + "/";
    String groupAt = at + ".GroupList[" + name + "]";
    List<Grant> grants = new ArrayList<>();
    grants.addAll(inline(group.path("GroupPolicyList"), prefix + "inline:", principal, groupAt));
    grants.addAll(attached(group.path("AttachedManagedPolicies"), prefix, principal, groupAt));
    return grants;
  }

  private List<Grant> inline(JsonNode list, String prefix, String principal, String at) {
    List<Grant> grants = new ArrayList<>();
    for (JsonNode policy : list) {
      String name = policy.path("PolicyName").asText();
      String where = at + ".inline[" + name + "]";
      grants.addAll(
          PolicyDocuments.grants(policy.path("PolicyDocument"), prefix + name, file, where));
    }
    return grants;
  }

  private List<Grant> attached(JsonNode list, String prefix, String principal, String at) {
    List<Grant> grants = new ArrayList<>();
    for (JsonNode attachment : list) {
      String arn = attachment.path("PolicyArn").asText();
      JsonNode document = defaultDocument(policies.get(arn));
      if (document == null) {
        notExpanded(principal, arn);
        continue;
      }
      String where = at + ".managed[" + arn + "]";
      grants.addAll(PolicyDocuments.grants(document, prefix + arn, file, where));
    }
    return grants;
  }

  /** The default version's document, or null when the policy or its document is missing. */
  private static JsonNode defaultDocument(JsonNode policy) {
    if (policy == null) {
      return null;
    }
    String defaultId = policy.path("DefaultVersionId").asText(null);
    for (JsonNode version : policy.path("PolicyVersionList")) {
      boolean isDefault =
          version.path("IsDefaultVersion").asBoolean(false)
              || version.path("VersionId").asText("").equals(defaultId);
      if (isDefault && !version.path("Document").isMissingNode()) {
        return version.path("Document");
      }
    }
    return null;
  }

  private void notExpanded(String principal, String source) {
    List<String> sources = notExpanded.computeIfAbsent(principal, p -> new ArrayList<>());
    if (!sources.contains(source)) {
      sources.add(source);
    }
  }

  private static Map<String, String> tags(JsonNode list) {
    Map<String, String> tags = new HashMap<>();
    for (JsonNode tag : list) {
      tags.put(tag.path("Key").asText(), tag.path("Value").asText(""));
    }
    return tags;
  }

  private String required(JsonNode entry, String field, String at) {
    String value = entry.path(field).asText("");
    if (value.isBlank()) {
      throw new InventoryException(file, at, field, "missing or empty");
    }
    return value;
  }

  private Instant date(JsonNode entry, String field, String at) {
    try {
      return InventoryValues.instant(entry.path(field).asText(null));
    } catch (IllegalArgumentException e) {
      throw new InventoryException(file, at, field, e.getMessage(), e);
    }
  }
}
