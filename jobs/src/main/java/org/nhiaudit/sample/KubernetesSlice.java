package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Kubernetes: the API server audit log (audit.k8s.io/v1 events, JSON lines) of the production
 * cluster and its {@code kubectl} exports. Planted: the CI deployer's service account, bound to
 * cluster-admin, used with kubectl from an address outside the cluster; healthy: the cart API's
 * account with a namespaced role that allows what it reads. The scheduler and a person work too,
 * and some requests are also logged at stage RequestReceived (readers filter those).
 */
final class KubernetesSlice extends PlatformSlice {

  static final String DEPLOYER = "system:serviceaccount:ci:deployer";
  static final String CART = "system:serviceaccount:shop:cart-api";
  private static final String SCHEDULER = "system:kube-scheduler";
  private static final String PERSON = "ana.lima@example.com";

  private static final String[][] DEPLOYER_CALLS = {
    {"patch", "deployments", "shop", "cart-api"},
    {"get", "deployments", "shop", "cart-api"},
    {"list", "pods", "shop", null},
    {"get", "secrets", "shop", "registry-pull"},
    {"create", "clusterrolebindings", null, null}
  };
  private static final String[][] CART_CALLS = {
    {"get", "configmaps", "shop", "cart-settings"},
    {"list", "configmaps", "shop", null},
    {"get", "secrets", "shop", "cart-db"}
  };
  private static final String[][] SCHEDULER_CALLS = {{"create", "pods", "shop", "cart-api-7d9f"}};
  private static final String[][] PERSON_CALLS = {
    {"get", "pods", "shop", null}, {"list", "events", "shop", null}
  };

  private long filtered;

  KubernetesSlice(SampleOptions options) {
    super(options, 2);
  }

  @Override
  PlatformLog write() throws IOException {
    eachDay(this::day);
    Path out = options.out();
    writeJsonLines(out.resolve("kubernetes"), "shop-prod-audit-", ".jsonl");
    List<String> exports = List.of();
    if (options.inventory()) {
      writeExport(out.resolve("inventory/k8s-shop-prod-serviceaccounts.json"), accounts());
      writeExport(out.resolve("inventory/k8s-shop-prod-rbac.json"), rbac());
      exports = List.of("k8s-shop-prod-serviceaccounts.json", "k8s-shop-prod-rbac.json");
    }
    List<PlatformCase> cases =
        List.of(
            new PlatformCase("k8s", DEPLOYER, DEPLOYER, Planted.K8S_CLUSTER_ADMIN),
            new PlatformCase("k8s", CART, CART, Planted.HEALTHY));
    return new PlatformLog("kubernetes", "k8s", recordCount(), filtered, cases, List.of(), exports);
  }

  private void day(LocalDate date) {
    if (!weekend(date)) {
      for (int i = calls(2); i > 0; i--) {
        add(date, pick(DEPLOYER_CALLS), DEPLOYER, "203.0.113.50", "kubectl/v1.30.2 (linux/amd64)");
      }
      add(date, pick(PERSON_CALLS), PERSON, "203.0.113.80", "kubectl/v1.31.0 (darwin/arm64)");
    }
    for (int i = calls(1); i > 0; i--) {
      add(date, pick(CART_CALLS), CART, "10.8.3." + (10 + random.nextInt(40)), "cart-api/2.4.1");
    }
    if (random.nextInt(3) == 0) {
      add(date, pick(SCHEDULER_CALLS), SCHEDULER, "10.8.0.2", "kube-scheduler/v1.30.2");
    }
  }

  private String[] pick(String[][] calls) {
    return calls[random.nextInt(calls.length)];
  }

  private void add(LocalDate date, String[] call, String user, String ip, String agent) {
    Instant time = timeOn(date, 6, 20);
    String id = ids.uuid();
    if (random.nextInt(8) == 0) {
      // Audit policies at level Request log the start of a request as well as its end.
      add(time, event(id, "RequestReceived", time, call, user, ip, agent));
      filtered++;
    }
    add(time, event(id, "ResponseComplete", time, call, user, ip, agent));
  }

  private ObjectNode event(
      String id, String stage, Instant time, String[] call, String user, String ip, String agent) {
    ObjectNode event = object().put("kind", "Event").put("apiVersion", "audit.k8s.io/v1");
    event.put("level", "Metadata").put("auditID", id).put("stage", stage);
    event.put("requestURI", uri(call)).put("verb", call[0]);
    ObjectNode who = event.putObject("user").put("username", user);
    who.putArray("groups")
        .add(
            user.startsWith("system:serviceaccount:")
                ? "system:serviceaccounts"
                : "system:authenticated");
    event.putArray("sourceIPs").add(ip);
    event.put("userAgent", agent);
    ObjectNode ref = event.putObject("objectRef").put("resource", call[1]);
    if (call[2] != null) {
      ref.put("namespace", call[2]);
    }
    if (call[3] != null) {
      ref.put("name", call[3]);
    }
    ref.put("apiVersion", "v1");
    if (stage.equals("ResponseComplete")) {
      event.putObject("responseStatus").put("code", call[0].equals("create") ? 201 : 200);
    }
    event.put("requestReceivedTimestamp", micros(time));
    event.put("stageTimestamp", micros(time.plusMillis(stage.equals("ResponseComplete") ? 14 : 0)));
    event.putObject("annotations").put("authorization.k8s.io/decision", "allow");
    return event;
  }

  private static String uri(String[] call) {
    String base =
        call[2] == null
            ? "/apis/rbac.authorization.k8s.io/v1/"
            : "/api/v1/namespaces/" + call[2] + "/";
    return base + call[1] + (call[3] == null ? "" : "/" + call[3]);
  }

  private static String micros(Instant time) {
    String text = time.toString();
    return text.substring(0, text.length() - 1) + (text.contains(".") ? "000Z" : ".000000Z");
  }

  private ObjectNode accounts() {
    ObjectNode list = object().put("apiVersion", "v1").put("kind", "ServiceAccountList");
    ArrayNode items = list.putArray("items");
    items.add(account("deployer", "ci", 600, "platform", "lars.berg@example.com"));
    items.add(account("cart-api", "shop", 300, "checkout", "mei.tan@example.com"));
    return list;
  }

  private ObjectNode account(String name, String ns, int age, String team, String owner) {
    ObjectNode meta = object().put("name", name).put("namespace", ns);
    meta.put("creationTimestamp", iso(at(daysBeforeEnd(age))));
    meta.put("uid", ids.uuid());
    meta.putObject("labels").put("app.kubernetes.io/name", name).put("team", team);
    meta.putObject("annotations").put("example.com/owner", owner);
    ObjectNode item = object().put("apiVersion", "v1").put("kind", "ServiceAccount");
    item.set("metadata", meta);
    return item;
  }

  private static ObjectNode rbac() {
    ObjectNode list = object().put("apiVersion", "v1").put("kind", "List");
    ArrayNode items = list.putArray("items");
    ObjectNode admin = role("ClusterRole", "cluster-admin", null);
    admin.putArray("rules").add(rule(List.of("*"), List.of("*"), List.of("*")));
    items.add(admin);
    ObjectNode cart = role("Role", "cart-config-reader", "shop");
    ArrayNode rules = cart.putArray("rules");
    rules.add(rule(List.of(""), List.of("configmaps"), List.of("get", "list")));
    rules.add(rule(List.of(""), List.of("secrets"), List.of("get")));
    items.add(cart);
    items.add(
        binding(
            "ClusterRoleBinding",
            "ci-deployer-admin",
            null,
            "ClusterRole",
            "cluster-admin",
            "deployer",
            "ci"));
    items.add(
        binding(
            "RoleBinding",
            "cart-api-config",
            "shop",
            "Role",
            "cart-config-reader",
            "cart-api",
            "shop"));
    return list;
  }

  private static ObjectNode role(String kind, String name, String namespace) {
    ObjectNode role = object().put("apiVersion", "rbac.authorization.k8s.io/v1").put("kind", kind);
    ObjectNode meta = role.putObject("metadata").put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    return role;
  }

  private static ObjectNode rule(List<String> groups, List<String> resources, List<String> verbs) {
    ObjectNode rule = object();
    groups.forEach(rule.putArray("apiGroups")::add);
    resources.forEach(rule.putArray("resources")::add);
    verbs.forEach(rule.putArray("verbs")::add);
    return rule;
  }

  private static ObjectNode binding(
      String kind,
      String name,
      String namespace,
      String roleKind,
      String roleName,
      String account,
      String accountNamespace) {
    ObjectNode binding = role(kind, name, namespace);
    binding
        .putObject("roleRef")
        .put("apiGroup", "rbac.authorization.k8s.io")
        .put("kind", roleKind)
        .put("name", roleName);
    binding
        .putArray("subjects")
        .addObject()
        .put("kind", "ServiceAccount")
        .put("name", account)
        .put("namespace", accountNamespace);
    return binding;
  }
}
