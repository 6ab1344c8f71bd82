package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.nhiaudit.ingest.Json;

/**
 * Google Cloud: one project's Cloud Logging audit entries and its {@code gcloud} exports. Planted:
 * a user-managed key about two years old on an account holding {@code roles/owner}, used daily from
 * outside Google; healthy: a keyless account attached to a Cloud Run service with two narrow roles.
 * A person works from the console, and two application log entries sit in the same export (readers
 * filter them).
 */
final class GcpSlice extends PlatformSlice {

  static final String PROJECT = "exr-prod-31415";
  private static final String DOMAIN = "@" + PROJECT + ".iam.gserviceaccount.com";
  static final String ADMIN = "legacy-admin" + DOMAIN;
  static final String CATALOG = "catalog-api" + DOMAIN;
  private static final String PERSON = "ana.lima@example.com";
  private static final String AUDIT = "type.googleapis.com/google.cloud.audit.AuditLog";

  private static final String[][] ADMIN_CALLS = {
    {"compute.googleapis.com", "v1.compute.instances.list", "projects/" + PROJECT + "/zones/-"},
    {"storage.googleapis.com", "storage.objects.list", "projects/_/buckets/exr-exports"},
    {"sqladmin.googleapis.com", "cloudsql.instances.export", "projects/" + PROJECT + "/db"},
    {"iam.googleapis.com", "google.iam.admin.v1.ListServiceAccounts", "projects/" + PROJECT}
  };

  private static final String[][] CATALOG_CALLS = {
    {"storage.googleapis.com", "storage.objects.get", "projects/_/buckets/exr-catalog/objects/x"},
    {
      "pubsub.googleapis.com",
      "google.pubsub.v1.Publisher.Publish",
      "projects/" + PROJECT + "/topics/catalog-updates"
    }
  };

  private static final String[][] PERSON_CALLS = {
    {"compute.googleapis.com", "v1.compute.instances.get", "projects/" + PROJECT + "/zones/a"}
  };

  private final String adminKey;
  private long filtered;

  GcpSlice(SampleOptions options) {
    super(options, 1);
    this.adminKey = ids.hex(40);
  }

  @Override
  PlatformLog write() throws IOException {
    eachDay(this::day);
    applicationEntries();
    Path out = options.out();
    writeJsonLines(out.resolve("gcp"), PROJECT + "-audit-", ".jsonl");
    List<String> exports = List.of();
    if (options.inventory()) {
      exports = exports(out.resolve("inventory"));
    }
    List<PlatformCase> cases =
        List.of(
            new PlatformCase("gcp", ADMIN, adminKey, Planted.GCP_OLD_OWNER_KEY),
            new PlatformCase("gcp", CATALOG, CATALOG, Planted.HEALTHY));
    List<OwnerRow> owners =
        List.of(
            principalRow(ADMIN, "rui.costa@example.com", "infrastructure", "Old admin automation"),
            principalRow(CATALOG, "mei.tan@example.com", "catalog", "Catalog API on Cloud Run"));
    return new PlatformLog("gcp", "gcp", recordCount(), filtered, cases, owners, exports);
  }

  private void day(LocalDate date) {
    for (int i = calls(2); i > 0; i--) {
      String[] call = pick(ADMIN_CALLS);
      add(date, call, ADMIN, adminKey, "198.51.100.23", "google-cloud-sdk gcloud/450.0.1");
    }
    for (int i = calls(1); i > 0; i--) {
      String[] call = pick(CATALOG_CALLS);
      add(date, call, CATALOG, null, "gce-internal-ip", "gcloud-java/2.30.1 grpc-java/1.60");
    }
    if (!weekend(date)) {
      String[] call = pick(PERSON_CALLS);
      add(date, call, PERSON, null, "203.0.113.80", "Mozilla/5.0 (Macintosh) Chrome/129.0");
    }
  }

  private String[] pick(String[][] calls) {
    return calls[random.nextInt(calls.length)];
  }

  private void add(LocalDate date, String[] call, String who, String key, String ip, String agent) {
    Instant time = timeOn(date, 6, 20);
    ObjectNode auth = object().put("principalEmail", who);
    if (key != null) {
      String name = "//iam.googleapis.com/projects/" + PROJECT + "/serviceAccounts/" + who;
      auth.put("serviceAccountKeyName", name + "/keys/" + key);
    }
    ObjectNode payload = object().put("@type", AUDIT);
    payload.set("status", object());
    payload.set("authenticationInfo", auth);
    payload.set(
        "requestMetadata", object().put("callerIp", ip).put("callerSuppliedUserAgent", agent));
    payload.put("serviceName", call[0]).put("methodName", call[1]).put("resourceName", call[2]);
    boolean read = call[1].contains(".get") || call[1].contains("list");
    ObjectNode entry = object().put("insertId", ids.hex(12));
    entry.put("logName", logName(read ? "data_access" : "activity"));
    entry.set("protoPayload", payload);
    entry.set("resource", resource());
    entry.put("severity", "NOTICE").put("timestamp", iso(time));
    entry.put("receiveTimestamp", iso(time.plusMillis(300 + random.nextInt(900))));
    add(time, entry);
  }

  /** Two entries of the Cloud Run service's own output, routed into the same sink by mistake. */
  private void applicationEntries() {
    for (int i = 0; i < 2; i++) {
      Instant time = timeOn(firstDay().plusDays(10L + i * 30L), 8, 18);
      ObjectNode entry = object().put("insertId", ids.hex(12));
      entry.put("logName", "projects/" + PROJECT + "/logs/run.googleapis.com%2Fstdout");
      entry.put("textPayload", "catalog refresh finished in " + (200 + i * 37) + " ms");
      entry.set("resource", resource());
      entry.put("severity", "INFO").put("timestamp", iso(time));
      add(time, entry);
      filtered++;
    }
  }

  private static String logName(String log) {
    return "projects/" + PROJECT + "/logs/cloudaudit.googleapis.com%2F" + log;
  }

  private static ObjectNode resource() {
    ObjectNode resource = object().put("type", "project");
    resource.set("labels", object().put("project_id", PROJECT));
    return resource;
  }

  private List<String> exports(Path inventory) throws IOException {
    writeExport(inventory.resolve("gcp-" + PROJECT + "-service-account-keys.json"), keys());
    writeExport(inventory.resolve("gcp-" + PROJECT + "-service-accounts.json"), accounts());
    writeExport(inventory.resolve("gcp-" + PROJECT + "-iam-policy.json"), policy());
    return List.of(
        "gcp-" + PROJECT + "-service-account-keys.json",
        "gcp-" + PROJECT + "-service-accounts.json",
        "gcp-" + PROJECT + "-iam-policy.json");
  }

  private ArrayNode keys() {
    ArrayNode keys = Json.MAPPER.createArrayNode();
    LocalDate created = daysBeforeEnd(731);
    keys.add(key(ADMIN, adminKey, at(created), "9999-12-31T23:59:59Z", "USER_MANAGED"));
    Instant system = at(daysBeforeEnd(12));
    keys.add(
        key(
            CATALOG,
            ids.hex(40),
            system,
            iso(system.plusSeconds(86_400L * 730)),
            "SYSTEM_MANAGED"));
    return keys;
  }

  private static ObjectNode key(
      String email, String id, Instant after, String before, String type) {
    return object()
        .put("name", "projects/" + PROJECT + "/serviceAccounts/" + email + "/keys/" + id)
        .put("validAfterTime", iso(after))
        .put("validBeforeTime", before)
        .put("keyAlgorithm", "KEY_ALG_RSA_2048")
        .put("keyOrigin", "GOOGLE_PROVIDED")
        .put("keyType", type)
        .put("disabled", false);
  }

  private ArrayNode accounts() {
    ArrayNode accounts = Json.MAPPER.createArrayNode();
    accounts.add(account(ADMIN, "Legacy admin automation", "Runs the old nightly admin scripts"));
    accounts.add(account(CATALOG, "Catalog API", "Identity of the catalog-api Cloud Run service"));
    return accounts;
  }

  private ObjectNode account(String email, String display, String description) {
    return object()
        .put("email", email)
        .put("name", "projects/" + PROJECT + "/serviceAccounts/" + email)
        .put("displayName", display)
        .put("uniqueId", "1" + (10_000_000_000_000_000L + random.nextInt(1_000_000_000)))
        .put("disabled", false)
        .put("description", description)
        .put("projectId", PROJECT);
  }

  private static ObjectNode policy() {
    ArrayNode bindings = Json.MAPPER.createArrayNode();
    bindings.add(binding("roles/owner", "serviceAccount:" + ADMIN, "user:rui.costa@example.com"));
    bindings.add(binding("roles/pubsub.publisher", "serviceAccount:" + CATALOG));
    bindings.add(binding("roles/storage.objectViewer", "serviceAccount:" + CATALOG));
    bindings.add(binding("roles/viewer", "user:" + PERSON));
    ObjectNode policy = object();
    policy.set("bindings", bindings);
    return policy.put("etag", "BwYh3kqL9Yc=").put("version", 1);
  }

  private static ObjectNode binding(String role, String... members) {
    ObjectNode binding = object().put("role", role);
    ArrayNode list = binding.putArray("members");
    for (String member : members) {
      list.add(member);
    }
    return binding;
  }

  static OwnerRow principalRow(String id, String owner, String team, String description) {
    return new OwnerRow(
        id, null, "gcp", null, owner, team, "prod", null, null, List.of(), description);
  }
}
