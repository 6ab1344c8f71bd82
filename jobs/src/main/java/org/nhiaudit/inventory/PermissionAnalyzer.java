package org.nhiaudit.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets what a principal may do against what its credential was seen doing.
 *
 * <p>Matching follows AWS action syntax: case-insensitive, {@code *} for any run of characters and
 * {@code ?} for one, with the service prefix before {@code :} matched separately from the
 * operation, so that {@code s3*} does not reach into another service. A lone {@code *} matches
 * every action. Names without a prefix on both sides (a token's scopes) are matched whole.
 *
 * <p>A {@code NotAction} statement is rebuilt from its grants by their shared {@code source} (see
 * {@link PolicyDocuments}) and shown as one entry, {@code NotAction[a, b]}, which covers every
 * action that matches none of its patterns.
 *
 * <p>Administrative grants are {@code *}, {@code *:*}, {@code service:*} for the services in {@link
 * #SENSITIVE_SERVICES}, and any Allow with NotAction (which grants all but a few actions, including
 * services created after the policy was written). The sensitive services are those whose full
 * control lets the holder give itself more: iam and sts create and assume identities, organizations
 * changes account guardrails, kms and secretsmanager open every encrypted store and stored
 * credential.
 *
 * <p>Google Cloud grants are role names, and calls are {@code service:method}, so a role is set
 * against a call by its name: the basic roles {@code roles/owner} and {@code roles/editor} cover
 * every call, {@code roles/viewer} every method whose last part starts with {@code get} or {@code
 * list}, and a predefined role {@code roles/SERVICE.ROLE} every method of {@code
 * SERVICE.googleapis.com}. This overstates a narrow role (it counts {@code
 * roles/storage.objectViewer} as used by a write to storage), so unused-permissions can miss a role
 * broader than needed within one service. Custom roles ({@code projects/P/roles/R}) cover no call,
 * since their permissions are not in the policy export.
 *
 * <p>Administrative grants also include {@code roles/owner} and {@code roles/editor} (editor may
 * change almost every resource of the project, and with it act as any service account there) and
 * the Kubernetes {@code k8s:* *}, every verb on every resource, as cluster-admin grants.
 *
 * <p>Only action names are compared; Resource and Condition are ignored, as in the readers.
 */
public final class PermissionAnalyzer {

  /** Services whose {@code service:*} counts as administrative; see the class comment. */
  public static final Set<String> SENSITIVE_SERVICES =
      Set.of("iam", "sts", "organizations", "kms", "secretsmanager");

  /** Grants of other platforms that amount to full control; see the class comment. */
  private static final Set<String> FULL_CONTROL = Set.of("roles/owner", "roles/editor", "k8s:* *");

  private static final String GCP_ROLE = "roles/";
  private static final Set<String> GCP_BASIC_WRITERS = Set.of("roles/owner", "roles/editor");

  private PermissionAnalyzer() {}

  /**
   * @param grants the principal's grants, Allow and Deny
   * @param actionsUsed observed actions ({@code service:Operation}) with their counts; actions with
   *     a count of zero or less are ignored
   */
  public static PermissionUse analyze(List<Grant> grants, Map<String, Long> actionsUsed) {
    Statements allow = Statements.of(grants, Grant.Effect.ALLOW);
    Statements deny = Statements.of(grants, Grant.Effect.DENY);

    Set<String> used = new LinkedHashSet<>();
    Set<String> ungranted = new TreeSet<>();
    actionsUsed.forEach(
        (action, count) -> {
          if (count == null || count <= 0) {
            return;
          }
          List<String> covering = allow.covering(action);
          if (covering.isEmpty() || !deny.covering(action).isEmpty()) {
            ungranted.add(action);
          } else {
            used.addAll(covering);
          }
        });

    List<String> all = allow.entries();
    List<String> usedInOrder = all.stream().filter(used::contains).toList();
    List<String> unused = all.stream().filter(entry -> !used.contains(entry)).toList();
    return new PermissionUse(
        all.size(), usedInOrder, unused, List.copyOf(ungranted), allow.administrative());
  }

  /** How many distinct concrete actions (no wildcard, not NotAction) the grants allow. */
  public static int concreteActions(List<Grant> grants) {
    Set<String> concrete = new TreeSet<>();
    for (Grant grant : grants) {
      boolean wildcard = grant.action().contains("*") || grant.action().contains("?");
      if (grant.effect() == Grant.Effect.ALLOW && !grant.notAction() && !wildcard) {
        concrete.add(grant.action().toLowerCase(Locale.ROOT));
      }
    }
    return concrete.size();
  }

  /** True when the AWS action pattern covers the action; see the class comment. */
  public static boolean matches(String pattern, String action) {
    String p = pattern.trim().toLowerCase(Locale.ROOT);
    String a = action.trim().toLowerCase(Locale.ROOT);
    if (p.equals("*")) {
      return true;
    }
    if (p.startsWith(GCP_ROLE)) {
      return gcpRoleCovers(p, a);
    }
    int pc = p.indexOf(':');
    int ac = a.indexOf(':');
    if (pc < 0 && ac < 0) {
      return glob(p, 0, a, 0);
    }
    if (pc < 0 || ac < 0) {
      return false;
    }
    return glob(p.substring(0, pc), 0, a.substring(0, ac), 0)
        && glob(p.substring(pc + 1), 0, a.substring(ac + 1), 0);
  }

  /** Whether a GCP role covers a {@code service:method} call; see the class comment. */
  private static boolean gcpRoleCovers(String role, String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String service = action.substring(0, colon);
    String method = action.substring(colon + 1);
    if (GCP_BASIC_WRITERS.contains(role)) {
      return true;
    }
    if (role.equals("roles/viewer")) {
      String last = method.substring(method.lastIndexOf('.') + 1);
      return last.startsWith("get") || last.startsWith("list");
    }
    int dot = role.indexOf('.');
    return dot > GCP_ROLE.length()
        && service.equals(role.substring(GCP_ROLE.length(), dot) + ".googleapis.com");
  }

  /** Wildcard match of {@code p} from {@code i} against {@code t} from {@code j}. */
  private static boolean glob(String p, int i, String t, int j) {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*') {
        for (int k = j; k <= t.length(); k++) {
          if (glob(p, i + 1, t, k)) {
            return true;
          }
        }
        return false;
      }
      if (j >= t.length() || (c != '?' && c != t.charAt(j))) {
        return false;
      }
      i++;
      j++;
    }
    return j == t.length();
  }

  static boolean isAdministrative(String pattern) {
    String p = pattern.trim().toLowerCase(Locale.ROOT);
    if (p.equals("*") || p.equals("*:*") || FULL_CONTROL.contains(p)) {
      return true;
    }
    return p.endsWith(":*") && SENSITIVE_SERVICES.contains(p.substring(0, p.length() - 2));
  }

  /** The statements of one effect: plain patterns, and NotAction statements by source. */
  private record Statements(Map<String, String> patterns, Map<String, List<String>> notActions) {

    static Statements of(List<Grant> grants, Grant.Effect effect) {
      Map<String, String> patterns = new LinkedHashMap<>();
      Map<String, List<String>> notActions = new LinkedHashMap<>();
      for (Grant grant : grants) {
        if (grant.effect() != effect) {
          continue;
        }
        if (grant.notAction()) {
          notActions.computeIfAbsent(grant.source(), s -> new ArrayList<>()).add(grant.action());
        } else {
          patterns.putIfAbsent(grant.action().toLowerCase(Locale.ROOT), grant.action());
        }
      }
      return new Statements(patterns, notActions);
    }

    /** Every entry as shown: patterns as first written, then NotAction statements. */
    List<String> entries() {
      Set<String> entries = new LinkedHashSet<>(patterns.values());
      notActions.values().forEach(excluded -> entries.add(label(excluded)));
      return List.copyOf(entries);
    }

    /** The entries that cover the action. */
    List<String> covering(String action) {
      List<String> covering = new ArrayList<>();
      patterns.values().stream().filter(p -> matches(p, action)).forEach(covering::add);
      for (List<String> excluded : notActions.values()) {
        if (excluded.stream().noneMatch(p -> matches(p, action))) {
          covering.add(label(excluded));
        }
      }
      return covering;
    }

    List<String> administrative() {
      Set<String> admin = new LinkedHashSet<>();
      patterns.values().stream().filter(PermissionAnalyzer::isAdministrative).forEach(admin::add);
      notActions.values().forEach(excluded -> admin.add(label(excluded)));
      return List.copyOf(admin);
    }

    private static String label(List<String> excluded) {
      return "NotAction[" + String.join(", ", excluded) + "]";
    }
  }
}
