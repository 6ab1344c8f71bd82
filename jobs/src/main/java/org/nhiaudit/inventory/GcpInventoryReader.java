package org.nhiaudit.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nhiaudit.inventory.PlatformInventory.Binding;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

/**
 * Reads the Google Cloud inventories that {@code gcloud ... --format=json} prints:
 *
 * <ul>
 *   <li>{@code gcloud iam service-accounts keys list}: a JSON array of keys named {@code
 *       projects/P/serviceAccounts/EMAIL/keys/KEYID}. Each user-managed key becomes a credential
 *       whose id is the bare key id, as the audit log reader names it, belonging to the e-mail.
 *       System-managed keys are left out: Google holds and rotates them, nobody can download or
 *       leak them, so they are nothing to review.
 *   <li>{@code gcloud iam service-accounts list}: each account becomes a principal and also a
 *       credential with its e-mail as id, since calls made without a key (an attached service
 *       account, impersonation) name the e-mail as the credential.
 *   <li>{@code gcloud projects get-iam-policy}: each {@code serviceAccount:} member of a binding
 *       holds the role, kept as the role name ({@code roles/owner}); see {@link PermissionAnalyzer}
 *       for how role names are set against calls. Users, groups and domains are people or sets of
 *       people and are not read; conditions on a binding are ignored, so a conditional grant counts
 *       as unconditional.
 * </ul>
 */
public final class GcpInventoryReader {

  private static final String PROVIDER = "gcp";
  private static final String MEMBER = "serviceAccount:";

  /** GCP writes this end of validity on keys that never expire. */
  private static final Instant NEVER =
      LocalDate.of(9999, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private GcpInventoryReader() {}

  /** True for a key list: an array whose entries are named {@code .../keys/ID}. */
  static boolean isKeyList(JsonNode root) {
    JsonNode first = root.path(0);
    return root.isArray()
        && first.path("name").asText().contains("/keys/")
        && (first.has("keyType") || first.has("validAfterTime"));
  }

  /** True for a service-account list: an array of entries with {@code email} and ids. */
  static boolean isServiceAccountList(JsonNode root) {
    JsonNode first = root.path(0);
    return root.isArray()
        && first.has("email")
        && (first.has("uniqueId") || first.path("name").asText().contains("/serviceAccounts/"));
  }

  /** True for an IAM policy: an object with a {@code bindings} array of role bindings. */
  static boolean isIamPolicy(JsonNode root) {
    return root.isObject()
        && root.path("bindings").isArray()
        && root.path("bindings").path(0).has("role");
  }

  /** Reads a key list; see the class comment. */
  public static PlatformInventory readKeys(JsonNode root, String file) {
    List<CredentialRecord> keys = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      CredentialRecord key = key(root.get(i), "[" + i + "]", file);
      if (key != null) {
        keys.add(key);
      }
    }
    return new PlatformInventory(List.of(), keys, Map.of(), List.of(), root.size());
  }

  /** Reads a service-account list; see the class comment. */
  public static PlatformInventory readServiceAccounts(JsonNode root, String file) {
    List<Principal> principals = new ArrayList<>();
    List<CredentialRecord> credentials = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      String at = "[" + i + "]";
      String email = required(entry, "email", at, file);
      boolean active = !flag(entry, "disabled", at, file);

      principals.add(account(entry, email));
      credentials.add(
          credential(
              email, CredentialKind.SERVICE_ACCOUNT, email, active, null, null, file + " " + at));
    }
    return new PlatformInventory(principals, credentials, Map.of(), List.of(), root.size());
  }

  /** Reads an IAM policy; see the class comment. */
  public static PlatformInventory readPolicy(JsonNode root, String file) {
    JsonNode list = root.path("bindings");
    List<Binding> bindings = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "bindings[" + i + "]";
      String role = required(list.get(i), "role", at, file);
      Grant grant = new Grant(Grant.Effect.ALLOW, role, false, role);
      for (JsonNode member : list.get(i).path("members")) {
        String text = member.asText();
        if (text.startsWith(MEMBER)) {
          String email = text.substring(MEMBER.length());
          bindings.add(
              new Binding(
                  email, PROVIDER, "serviceAccount", role, List.of(grant), file + " " + at));
        }
      }
    }
    return new PlatformInventory(List.of(), List.of(), Map.of(), bindings, list.size());
  }

  /** The key as a credential, or null for a system-managed key. */
  private static CredentialRecord key(JsonNode entry, String at, String file) {
    if ("SYSTEM_MANAGED".equals(entry.path("keyType").asText())) {
      return null;
    }
    String name = required(entry, "name", at, file);
    String[] parts = name.split("/");
    if (parts.length != 6 || !parts[2].equals("serviceAccounts") || !parts[4].equals("keys")) {
      throw new InventoryException(
          file, at, "name", "expected projects/P/serviceAccounts/EMAIL/keys/ID, found " + name);
    }
    Instant created = instant(entry, "validAfterTime", at, file);
    Instant expires = instant(entry, "validBeforeTime", at, file);
    boolean active = !flag(entry, "disabled", at, file);
    return credential(
        parts[5],
        CredentialKind.ACCESS_KEY,
        parts[3],
        active,
        created,
        expires == null || expires.isAfter(NEVER) ? null : expires,
        file + " " + at);
  }

  private static Principal account(JsonNode entry, String email) {
    String name = InventoryValues.text(entry.path("displayName").asText(null));
    return new Principal(
        email,
        name != null ? name : email.split("@", 2)[0],
        PROVIDER,
        project(entry.path("name").asText(null), email),
        "serviceAccount",
        ActorClass.NON_HUMAN,
        null,
        null,
        List.of(),
        Map.of(),
        null);
  }

  private static CredentialRecord credential(
      String id,
      CredentialKind kind,
      String identity,
      boolean active,
      Instant created,
      Instant expires,
      String source) {
    return new CredentialRecord(
        id,
        kind,
        PROVIDER,
        identity,
        ActorClass.NON_HUMAN,
        active,
        created,
        null,
        null,
        expires,
        null,
        null,
        null,
        List.of(),
        source);
  }

  /** The project of {@code projects/P/serviceAccounts/...}, else the e-mail's domain part. */
  private static String project(String name, String email) {
    if (name != null && name.startsWith("projects/")) {
      return name.split("/")[1];
    }
    String domain = email.substring(email.indexOf('@') + 1);
    return domain.endsWith(".iam.gserviceaccount.com") ? domain.split("\\.")[0] : null;
  }

  private static String required(JsonNode entry, String field, String at, String file) {
    String value = InventoryValues.text(entry.path(field).asText(null));
    if (value == null) {
      throw new InventoryException(file, at, field, "missing or empty");
    }
    return value;
  }

  private static boolean flag(JsonNode entry, String field, String at, String file) {
    JsonNode value = entry.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return false;
    }
    try {
      Boolean flag = InventoryValues.flag(value.asText().toLowerCase(Locale.ROOT));
      return flag != null && flag;
    } catch (IllegalArgumentException e) {
      throw new InventoryException(file, at, field, e.getMessage(), e);
    }
  }

  private static Instant instant(JsonNode entry, String field, String at, String file) {
    try {
      return InventoryValues.instant(entry.path(field).asText(null));
    } catch (IllegalArgumentException e) {
      throw new InventoryException(file, at, field, e.getMessage(), e);
    }
  }
}
