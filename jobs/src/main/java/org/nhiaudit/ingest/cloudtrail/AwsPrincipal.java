package org.nhiaudit.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import org.nhiaudit.model.CredentialKind;

/**
 * Who made a CloudTrail call and with which credential, read from {@code userIdentity}.
 *
 * <p>The identity is chosen to stay the same across sessions: an assumed role is named by its role
 * ARN, never by the per-session {@code assumed-role/.../session} ARN, so that all sessions of one
 * role meet under one key. The credential is what a reviewer would rotate or revoke:
 *
 * <ul>
 *   <li>IAM user with a long-term {@code AKIA} key: the key id ({@link CredentialKind#ACCESS_KEY});
 *   <li>IAM user with a temporary {@code ASIA} key: the user ARN ({@link CredentialKind#SESSION}),
 *       since each session has a new key id;
 *   <li>assumed role: the role ARN ({@link CredentialKind#ROLE});
 *   <li>root: the {@code AKIA} key id, or else the root ARN ({@link CredentialKind#ROOT});
 *   <li>federated user: the ARN of the principal that issued the federation token ({@link
 *       CredentialKind#SESSION});
 *   <li>AWS service, other account or a record without a type: the service or account itself
 *       ({@link CredentialKind#UNKNOWN}).
 * </ul>
 *
 * Temporary session key ids and session tokens are never taken as credentials.
 *
 * @param account the account the principal belongs to, else the account that logged the call
 * @param identity a stable id of the principal, null when the record names none
 * @param type {@code userIdentity.type}, or {@code none} when absent
 * @param credential the credential id, never a secret
 * @param kind what sort of credential {@code credential} is
 */
record AwsPrincipal(
    String account, String identity, String type, String credential, CredentialKind kind) {

  static final String NO_TYPE = "none";

  /** Reads the principal of {@code record}, a CloudTrail record (not an envelope). */
  static AwsPrincipal of(JsonNode record) {
    JsonNode who = record.path("userIdentity");
    String account = firstText(who.path("accountId"), record.path("recipientAccountId"));
    String type = text(who.path("type"));
    String key = text(who.path("accessKeyId"));
    if (type == null) {
      String identity = firstText(who.path("invokedBy"), who.path("accountId"));
      identity = identity == null ? account : identity;
      return new AwsPrincipal(account, identity, NO_TYPE, identity, CredentialKind.UNKNOWN);
    }
    return switch (type) {
      case "IAMUser" -> user(account, who, key);
      case "AssumedRole" -> role(account, who);
      case "Root" -> root(account, who, key);
      case "FederatedUser" -> federated(account, who);
      case "AWSService" -> service(account, who);
      case "AWSAccount" -> other(account, type, text(who.path("accountId")));
      default -> other(account, type, firstText(who.path("arn"), who.path("principalId")));
    };
  }

  private static AwsPrincipal user(String account, JsonNode who, String key) {
    String arn = text(who.path("arn"));
    String name = text(who.path("userName"));
    if (arn == null && name != null && account != null) {
      arn = "arn:aws:iam::" + account + ":user/" + name;
    }
    if (AccessKeys.isLongTerm(key)) {
      return new AwsPrincipal(account, arn, "IAMUser", key, CredentialKind.ACCESS_KEY);
    }
    if (AccessKeys.isTemporary(key)) {
      return new AwsPrincipal(account, arn, "IAMUser", arn, CredentialKind.SESSION);
    }
    // A key id of no known form (a placeholder in sanitised data) is kept as logged.
    String credential = key == null ? arn : key;
    return new AwsPrincipal(account, arn, "IAMUser", credential, CredentialKind.UNKNOWN);
  }

  private static AwsPrincipal role(String account, JsonNode who) {
    String roleArn = text(who.path("sessionContext").path("sessionIssuer").path("arn"));
    if (roleArn == null) {
      roleArn = roleFromSessionArn(text(who.path("arn")));
    }
    return new AwsPrincipal(account, roleArn, "AssumedRole", roleArn, CredentialKind.ROLE);
  }

  private static AwsPrincipal root(String account, JsonNode who, String key) {
    String arn = text(who.path("arn"));
    if (arn == null && account != null) {
      arn = "arn:aws:iam::" + account + ":root";
    }
    String credential = AccessKeys.isLongTerm(key) ? key : arn;
    return new AwsPrincipal(account, arn, "Root", credential, CredentialKind.ROOT);
  }

  private static AwsPrincipal federated(String account, JsonNode who) {
    String arn = text(who.path("arn"));
    String issuer = text(who.path("sessionContext").path("sessionIssuer").path("arn"));
    String credential = issuer == null ? arn : issuer;
    return new AwsPrincipal(account, arn, "FederatedUser", credential, CredentialKind.SESSION);
  }

  private static AwsPrincipal service(String account, JsonNode who) {
    String service = firstText(who.path("invokedBy"), who.path("principalId"));
    return new AwsPrincipal(account, service, "AWSService", service, CredentialKind.UNKNOWN);
  }

  private static AwsPrincipal other(String account, String type, String identity) {
    String id = identity == null ? account : identity;
    return new AwsPrincipal(account, id, type, id, CredentialKind.UNKNOWN);
  }

  /**
   * {@code arn:aws:sts::1:assumed-role/Name/session} to {@code arn:aws:iam::1:role/Name}. A role
   * created under a path loses it, because the session ARN does not carry the path; this fallback
   * is used only when the record lacks {@code sessionIssuer}.
   */
  static String roleFromSessionArn(String sessionArn) {
    if (sessionArn == null) {
      return null;
    }
    int marker = sessionArn.indexOf(":assumed-role/");
    if (marker < 0) {
      return sessionArn;
    }
    String prefix = sessionArn.substring(0, marker).replace(":sts:", ":iam:");
    String rest = sessionArn.substring(marker + ":assumed-role/".length());
    int slash = rest.indexOf('/');
    String name = slash < 0 ? rest : rest.substring(0, slash);
    return prefix + ":role/" + name;
  }

  /** The text of a string node, or null for a missing, null, non-text or blank node. */
  static String text(JsonNode node) {
    if (node == null || !node.isValueNode() || node.isNull()) {
      return null;
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }

  static String firstText(JsonNode first, JsonNode second) {
    String value = text(first);
    return value != null ? value : text(second);
  }
}
