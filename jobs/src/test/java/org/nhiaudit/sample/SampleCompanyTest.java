package org.nhiaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.LogFileReader;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.ingest.Rejection;
import org.nhiaudit.model.AccessEvent;

class SampleCompanyTest {

  private static final LocalDate END = SampleOptions.DEFAULT_END;

  @TempDir static Path folder;

  private static SampleSummary summary;
  private static List<AccessEvent> events;
  private static List<Rejection> rejections;
  private static long damagedEvents;

  @BeforeAll
  static void generateAndRead() throws IOException {
    summary = SampleCompany.generate(SampleOptions.defaults(folder.resolve("full")));
    events = new ArrayList<>();
    rejections = new ArrayList<>();
    Path damaged = folder.resolve("full").resolve(summary.damagedObject());
    for (Path file : files(folder.resolve("full/cloudtrail"))) {
      long before = events.size();
      read(file);
      if (file.equals(damaged)) {
        damagedEvents = events.size() - before;
      }
    }
  }

  @Test
  void sameOptionsGiveIdenticalBytes() throws IOException {
    Path first = folder.resolve("a");
    Path second = folder.resolve("b");
    SampleCompany.generate(small(first));
    SampleCompany.generate(small(second));

    List<Path> names = files(first).stream().map(first::relativize).toList();
    assertThat(files(second).stream().map(second::relativize).toList()).isEqualTo(names);
    for (Path name : names) {
      assertThat(Files.readAllBytes(second.resolve(name)))
          .as(name.toString())
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
  }

  @Test
  void gzipHeadersCarryNoTimeOrOperatingSystem() throws IOException {
    byte[] bytes = Files.readAllBytes(files(folder.resolve("full/cloudtrail")).get(0));
    assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
    assertThat(new byte[] {bytes[4], bytes[5], bytes[6], bytes[7]}).containsOnly(0);
    assertThat(bytes[9] & 0xff).isEqualTo(0xff);
  }

  @Test
  void everyRecordIsReadAndOnlyTheDamagedObjectIsRejected() {
    assertThat(summary.events()).isBetween(15_000L, 40_000L);
    assertThat(events).hasSize((int) (summary.events() + damagedEvents));
    assertThat(damagedEvents).isEqualTo(summary.damagedRecords() - 1);
    assertThat(rejections).hasSize(1);
    assertThat(rejections.get(0).origin().path()).endsWith(summary.damagedObject().toString());
  }

  @Test
  void objectsFollowTheDeliveryLayout() throws IOException {
    String pattern =
        "AWSLogs/\\d{12}/CloudTrail/(us-east-1|eu-west-1)/\\d{4}/\\d{2}/\\d{2}/"
            + "\\d{12}_CloudTrail_(us-east-1|eu-west-1)_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz";
    Path root = folder.resolve("full/cloudtrail");
    for (Path file : files(root)) {
      assertThat(root.relativize(file).toString().replace('\\', '/')).matches(pattern);
    }
    assertThat((long) summary.objects()).isLessThan(summary.events() / 5);
  }

  @Test
  void oldAdminKeyIsThreeYearsOldAndStillUsed() throws IOException {
    Actor admin = summary.planted(Planted.OLD_ADMIN_KEY);
    JsonNode keys = json(admin.account() + "-access-keys.json").path("AccessKeyMetadata");
    JsonNode key = find(keys, "AccessKeyId", admin.accessKeyId());
    Instant created = OffsetDateTime.parse(key.path("CreateDate").asText()).toInstant();
    long ageDays = Duration.between(created, endInstant()).toDays();

    assertThat(ageDays).isBetween(3 * 365L, 3 * 365L + 60);
    assertThat(usedBy(admin.accessKeyId())).isNotEmpty();
    JsonNode user = find(authorization(admin).path("UserDetailList"), "UserName", admin.name());
    assertThat(user.toString()).contains("arn:aws:iam::aws:policy/AdministratorAccess");
  }

  @Test
  void staleAndNeverUsedKeysMakeNoCalls() throws IOException {
    Actor stale = summary.planted(Planted.STALE_KEY);
    Actor never = summary.planted(Planted.NEVER_USED);
    assertThat(usedBy(stale.accessKeyId())).isEmpty();
    assertThat(usedBy(never.accessKeyId())).isEmpty();

    CSVRecord staleRow = reportRow(stale);
    Instant lastUsed =
        OffsetDateTime.parse(staleRow.get("access_key_1_last_used_date")).toInstant();
    assertThat(Duration.between(lastUsed, endInstant()).toDays()).isBetween(140L, 160L);
    assertThat(reportRow(never).get("access_key_1_last_used_date")).isEqualTo("N/A");
    Instant created =
        OffsetDateTime.parse(reportRow(never).get("access_key_1_last_rotated")).toInstant();
    assertThat(Duration.between(created, endInstant()).toDays()).isGreaterThan(90);
  }

  @Test
  void deployRoleUsesThreeOfAboutTwoHundredGrantedActions() throws IOException {
    Actor deploy = summary.planted(Planted.OVER_PRIVILEGED_ROLE);
    Set<String> used =
        events.stream()
            .filter(e -> deploy.arn().equals(e.identity()))
            .map(AccessEvent::action)
            .collect(Collectors.toSet());

    assertThat(used).hasSize(3);
    String policy = authorization(deploy).path("Policies").toString();
    long granted = deploy.grants().stream().filter(policy::contains).count();
    assertThat(granted).isBetween(190L, 230L);
  }

  @Test
  void browserUseAndDeniedBurstsAppearInTheLogs() {
    Actor shared = summary.planted(Planted.BROWSER_USE);
    assertThat(usedBy(shared.accessKeyId()))
        .anyMatch(e -> e.userAgent().startsWith("Mozilla/"))
        .anyMatch(e -> !e.userAgent().startsWith("Mozilla/"));

    Actor refused = summary.planted(Planted.DENIED_BURSTS);
    long denied =
        usedBy(refused.accessKeyId()).stream()
            .filter(e -> "AccessDenied".equals(e.errorCode()))
            .count();
    assertThat(denied).isGreaterThanOrEqualTo(4 * 18L);
  }

  @Test
  void unownedKeyIsUsedButOwnedNowhere() throws IOException {
    Actor orphan = summary.planted(Planted.NO_OWNER);
    assertThat(usedBy(orphan.accessKeyId())).isNotEmpty();
    assertThat(Files.readString(inventory("owners.yaml")))
        .doesNotContain(orphan.accessKeyId())
        .doesNotContain(orphan.arn());
    JsonNode user = find(authorization(orphan).path("UserDetailList"), "UserName", orphan.name());
    assertThat(user.path("Tags")).isEmpty();
  }

  @Test
  void ownersFileHasTheAgreedShape() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode rows = yaml.readTree(inventory("owners.yaml").toFile()).path("credentials");
    Set<String> kinds =
        Set.of(
            "access_key",
            "role",
            "session",
            "service_account",
            "token",
            "app",
            "certificate",
            "root");
    assertThat(rows.size()).isGreaterThan(25);
    for (JsonNode row : rows) {
      assertThat(row.path("id").asText()).isNotBlank();
      assertThat(kinds).contains(row.path("kind").asText());
      assertThat(row.path("provider").asText()).isEqualTo("aws");
      assertThat(row.path("owner").asText()).contains("@");
      assertThat(LocalDate.parse(row.path("created").asText())).isBefore(END.plusDays(1));
      assertThat(row.path("active").isBoolean()).isTrue();
    }
  }

  @Test
  void credentialReportsHaveTwentyTwoColumnsAndMatchTheKeys() throws IOException {
    for (String account : Catalog.ACCOUNTS) {
      List<CSVRecord> rows = report(account);
      assertThat(rows.get(0).get("user")).isEqualTo("<root_account>");
      for (CSVRecord row : rows) {
        assertThat(row.size()).isEqualTo(22);
      }
      JsonNode keys = json(account + "-access-keys.json").path("AccessKeyMetadata");
      for (JsonNode key : keys) {
        assertThat(key.path("AccessKeyId").asText()).matches("AKIA[A-Z2-7]{16}");
        CSVRecord row =
            rows.stream()
                .filter(r -> r.get("user").equals(key.path("UserName").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("access_key_1_last_rotated")).isEqualTo(key.path("CreateDate").asText());
      }
    }
  }

  @Test
  void authorizationDetailsHaveTheExportKeys() throws IOException {
    for (String account : Catalog.ACCOUNTS) {
      JsonNode root = json(account + "-authorization-details.json");
      assertThat(root.fieldNames())
          .toIterable()
          .containsExactly("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");
      for (JsonNode role : root.path("RoleDetailList")) {
        assertThat(role.has("RoleLastUsed")).isTrue();
        assertThat(role.path("AssumeRolePolicyDocument").path("Statement").isArray()).isTrue();
      }
      for (JsonNode policy : root.path("Policies")) {
        assertThat(policy.path("PolicyVersionList").get(0).path("Document").isObject()).isTrue();
      }
    }
  }

  @Test
  void noRecordCarriesASecret() throws IOException {
    for (Path file : files(folder.resolve("full/cloudtrail")).subList(0, 200)) {
      String text;
      try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.EOFException e) {
        continue;
      }
      assertThat(text).doesNotContain("sessionToken").doesNotContain("secretAccessKey");
    }
  }

  private static SampleOptions small(Path out) {
    return new SampleOptions(out, 7, LocalDate.of(2026, 3, 31), 6, 1500, true);
  }

  private static void read(Path file) throws IOException {
    // From memory: the reader's JSON parser closes its source at the end of a document.
    try (InputStream in = new java.io.ByteArrayInputStream(Files.readAllBytes(file));
        LogFileReader reader = LogFileReader.open(file.toString(), in, ParserRegistry.defaults())) {
      for (IngestItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof IngestItem.Event event) {
          events.add(event.event());
        } else if (item instanceof IngestItem.Reject reject) {
          rejections.add(reject.rejection());
        }
      }
    }
  }

  private static List<AccessEvent> usedBy(String accessKeyId) {
    return events.stream().filter(e -> accessKeyId.equals(e.credential())).toList();
  }

  /** The role behind an assumed-role session ARN, from the event's identity. */
  private static Instant endInstant() {
    return END.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  private static Path inventory(String name) {
    return folder.resolve("full/inventory").resolve(name);
  }

  private static JsonNode json(String name) throws IOException {
    return Json.MAPPER.readTree(inventory(name).toFile());
  }

  private static JsonNode authorization(Actor actor) throws IOException {
    return json(actor.account() + "-authorization-details.json");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return node;
      }
    }
    throw new AssertionError("no " + field + " " + value);
  }

  private static List<CSVRecord> report(String account) throws IOException {
    try (Reader in = Files.newBufferedReader(inventory(account + "-credential-report.csv"))) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      return format.parse(in).getRecords();
    }
  }

  private static CSVRecord reportRow(Actor user) throws IOException {
    return report(user.account()).stream()
        .filter(r -> r.get("user").equals(user.name()))
        .findFirst()
        .orElseThrow();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
