package org.nhiaudit.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nhiaudit.inventory.InventoryValues.TagRole;
import org.nhiaudit.inventory.PlatformInventory.Binding;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

/**
 * Reads {@code kubectl get ... -A -o json} output: a {@code List} (or {@code ServiceAccountList},
 * {@code ClusterRoleList}, ...) whose items are service accounts, roles, cluster roles and their
 * bindings. Other kinds in the list are passed over.
 *
 * <p>A service account becomes a principal and a credential, both named {@code
 * system:serviceaccount:NAMESPACE:NAME} as the audit reader names the caller. Owner, team and
 * environment come from labels and annotations; a key counts without its prefix, so {@code
 * example.com/owner} is an owner (see {@link InventoryValues#tag}). Values longer than {@value
 * #LONGEST_TAG} characters (such as {@code last-applied-configuration}) are dropped.
 *
 * <p>Each rule of a role becomes one grant per verb and resource, {@code k8s:VERB RESOURCE}, or
 * {@code k8s:VERB URL} for non-resource URLs: the form of the audit reader's actions, so that
 * {@code *} in a verb or resource is a wildcard there too. Limits, each widening what a grant seems
 * to cover: API groups and resource names are dropped; a subresource grant ({@code pods/log})
 * counts for its resource, because the audit reader's action names no subresource; a role bound in
 * one namespace counts as held everywhere. Bindings to groups ({@code system:serviceaccounts:NS})
 * and aggregated cluster roles are not expanded, so grants that reach an account only through them
 * are missing.
 */
public final class KubernetesInventoryReader {

  static final String PROVIDER = "k8s";
  static final String PREFIX = "system:serviceaccount:";
  private static final int LONGEST_TAG = 200;
  private static final Set<String> KINDS =
      Set.of("ServiceAccount", "ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding");

  private KubernetesInventoryReader() {}

  /** True for a Kubernetes list whose first item is one of the kinds read. */
  static boolean accepts(JsonNode root) {
    String kind = root.path("kind").asText();
    return root.isObject()
        && kind.endsWith("List")
        && root.path("items").isArray()
        && (root.path("items").isEmpty()
            || KINDS.contains(kindOf(root.path("items").get(0), kind)));
  }

  /** Reads one list; see the class comment. */
  public static PlatformInventory read(JsonNode root, String file) {
    String listKind = root.path("kind").asText();
    JsonNode items = root.path("items");
    List<Principal> principals = new ArrayList<>();
    List<CredentialRecord> credentials = new ArrayList<>();
    Map<String, List<Grant>> roles = new LinkedHashMap<>();
    List<Binding> bindings = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String at = "items[" + i + "]";
      String source = file + " " + at;
      switch (kindOf(item, listKind)) {
        case "ServiceAccount" -> {
          Principal account = account(item, at, file);
          principals.add(account);
          credentials.add(credential(account, source));
        }
        case "ClusterRole", "Role" -> {
          String key = roleKey(item, at, file);
          roles.put(key, rules(item, key));
        }
        case "ClusterRoleBinding", "RoleBinding" -> bindings.addAll(bindings(item, at, file));
        default -> {
          // Other objects in the same list (pods, secrets) say nothing about grants.
        }
      }
    }
    return new PlatformInventory(principals, credentials, roles, bindings, items.size());
  }

  /** An item's kind, or the list's kind without {@code List} when the item does not say. */
  private static String kindOf(JsonNode item, String listKind) {
    String kind = item.path("kind").asText("");
    return kind.isEmpty() ? listKind.replaceAll("List$", "") : kind;
  }

  private static Principal account(JsonNode item, String at, String file) {
    JsonNode meta = item.path("metadata");
    String name = required(meta, "name", at, file);
    String namespace = required(meta, "namespace", at, file);
    Map<String, String> tags = tags(meta);
    return new Principal(
        PREFIX + namespace + ":" + name,
        name,
        PROVIDER,
        null,
        "serviceaccount",
        ActorClass.NON_HUMAN,
        created(meta, at, file),
        null,
        List.of(),
        tags,
        InventoryValues.tag(tags, TagRole.OWNER));
  }

  private static CredentialRecord credential(Principal account, String source) {
    return new CredentialRecord(
        account.identity(),
        CredentialKind.SERVICE_ACCOUNT,
        PROVIDER,
        account.identity(),
        ActorClass.NON_HUMAN,
        true,
        account.created(),
        null,
        null,
        null,
        account.owner(),
        InventoryValues.tag(account.tags(), TagRole.TEAM),
        InventoryValues.tag(account.tags(), TagRole.ENVIRONMENT),
        List.of(),
        source);
  }

  /** Labels, then annotations over them, keyed without their prefix. */
  private static Map<String, String> tags(JsonNode meta) {
    Map<String, String> tags = new TreeMap<>();
    for (String field : List.of("labels", "annotations")) {
      meta.path(field)
          .fields()
          .forEachRemaining(
              e -> {
                String value = e.getValue().asText();
                if (value.length() <= LONGEST_TAG) {
                  String key = e.getKey();
                  tags.put(key.substring(key.lastIndexOf('/') + 1), value);
                }
              });
    }
    return tags;
  }

  private static String roleKey(JsonNode item, String at, String file) {
    JsonNode meta = item.path("metadata");
    String name = required(meta, "name", at, file);
    if (item.path("kind").asText().equals("ClusterRole")) {
      return "ClusterRole/" + name;
    }
    return "Role/" + required(meta, "namespace", at, file) + "/" + name;
  }

  /** The grants of a role's rules; their source is the role key, which evidence quotes. */
  private static List<Grant> rules(JsonNode role, String source) {
    List<Grant> grants = new ArrayList<>();
    for (JsonNode rule : role.path("rules")) {
      List<String> targets = new ArrayList<>();
      rule.path("resources").forEach(r -> targets.add(r.asText().split("/", 2)[0]));
      rule.path("nonResourceURLs").forEach(u -> targets.add(u.asText()));
      for (JsonNode verb : rule.path("verbs")) {
        for (String target : targets) {
          String action = "k8s:" + verb.asText() + " " + target;
          grants.add(new Grant(Grant.Effect.ALLOW, action, false, source));
        }
      }
    }
    return grants.stream().distinct().toList();
  }

  private static List<Binding> bindings(JsonNode item, String at, String file) {
    JsonNode meta = item.path("metadata");
    String namespace = InventoryValues.text(meta.path("namespace").asText(null));
    String roleKind = required(item.path("roleRef"), "kind", at, file);
    String roleName = required(item.path("roleRef"), "name", at, file);
    boolean cluster = roleKind.equals("ClusterRole");
    String role = cluster ? "ClusterRole/" + roleName : "Role/" + namespace + "/" + roleName;
    String source = file + " " + at + " (" + meta.path("name").asText() + ")";
    List<Binding> out = new ArrayList<>();
    JsonNode subjects = item.path("subjects");
    for (int j = 0; j < subjects.size(); j++) {
      JsonNode subject = subjects.get(j);
      if (!subject.path("kind").asText().equals("ServiceAccount")) {
        continue;
      }
      String where = at + ".subjects[" + j + "]";
      String name = required(subject, "name", where, file);
      String ns = InventoryValues.text(subject.path("namespace").asText(null));
      if (ns == null && namespace == null) {
        throw new InventoryException(file, where, "namespace", "missing on a cluster binding");
      }
      String identity = PREFIX + (ns != null ? ns : namespace) + ":" + name;
      out.add(new Binding(identity, PROVIDER, "serviceaccount", role, List.of(), source));
    }
    return out;
  }

  private static Instant created(JsonNode meta, String at, String file) {
    try {
      return InventoryValues.instant(meta.path("creationTimestamp").asText(null));
    } catch (IllegalArgumentException e) {
      throw new InventoryException(file, at, "metadata.creationTimestamp", e.getMessage(), e);
    }
  }

  private static String required(JsonNode node, String field, String at, String file) {
    String value = InventoryValues.text(node.path(field).asText(null));
    if (value == null) {
      throw new InventoryException(file, at, field, "missing or empty");
    }
    return value;
  }
}
