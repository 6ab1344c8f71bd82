package org.nhiaudit.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

/**
 * Every CloudTrail file of the shared public datasets. The expected figures are those the datasets'
 * SOURCE.md files state, counted independently of this parser.
 */
class CloudTrailDatasetTest {

  @Test
  void invictusS3Delivery() throws IOException {
    Folder folder = read("invictus-ir-aws-dataset");

    assertThat(folder.files).isEqualTo(55);
    assertThat(folder.events).hasSize(2_900);
    assertThat(folder.countBy(AccessEvent::identityType))
        .containsOnly(
            Map.entry("IAMUser", 2_748L),
            Map.entry("AssumedRole", 76L),
            Map.entry("AWSService", 34L),
            Map.entry("none", 42L));
    assertThat(folder.count(e -> e.credentialKind() == CredentialKind.ACCESS_KEY)).isEqualTo(2_182);
    assertThat(folder.count(e -> e.identity().endsWith(":user/bert-jan"))).isEqualTo(2_642);
    assertThat(folder.count(e -> e.identity().endsWith(":user/benjamin"))).isEqualTo(105);
    assertThat(benjaminKeys(folder)).hasSize(2);
    assertThat(folder.countBy(AccessEvent::errorCode))
        .contains(
            Map.entry("ThrottlingException", 102L),
            Map.entry("Client.UnauthorizedOperation", 44L),
            Map.entry("AccessDenied", 16L),
            Map.entry("NoSuchBucketPolicy", 14L));
    assertThat(folder.events).allMatch(e -> "us-east-1".equals(e.region()));
    assertThat(folder.events)
        .noneMatch(e -> e.userAgent() != null && e.userAgent().startsWith("["));
    folder.assertTimes("2023-07-10T11:42:18Z", "2023-07-10T12:37:50Z");
  }

  @Test
  void stratusDetonationArrays() throws IOException {
    Folder folder = read("datadog-stratus-red-team-detonation-logs");

    assertThat(folder.files).isEqualTo(35);
    assertThat(folder.events).hasSize(310);
    assertThat(folder.countBy(AccessEvent::identityType))
        .containsOnly(
            Map.entry("IAMUser", 241L),
            Map.entry("AssumedRole", 68L),
            Map.entry("FederatedUser", 1L));
    assertThat(folder.count(e -> e.credentialKind() == CredentialKind.ACCESS_KEY)).isEqualTo(240);
    assertThat(folder.count(e -> e.outcome() == Outcome.DENIED)).isEqualTo(46 + 5);
    assertThat(folder.count(e -> e.outcome() == Outcome.ERROR)).isEqualTo(1);
    assertThat(folder.events)
        .filteredOn(e -> e.identityType().equals("FederatedUser"))
        .singleElement()
        .satisfies(e -> assertThat(e.identity()).contains(":federated-user/stratus_red_team"))
        .satisfies(e -> assertThat(e.credential()).contains(":user/"));
    assertThat(folder.events)
        .filteredOn(e -> e.origin().path().contains("ec2-steal-instance-credentials"))
        .extracting(AccessEvent::classificationRule)
        .contains("aws.role.ec2-instance");
    assertThat(folder.events).anyMatch(e -> "aws.role.sso".equals(e.classificationRule()));
    assertThat(folder.events).extracting(AccessEvent::region).contains("sagov-westsouth-1r");
    folder.assertTimes("2024-07-30T21:31:10Z", "2024-11-30T08:43:18Z");
  }

  @Test
  void otrfShipperLines() throws IOException {
    Folder folder = read("otrf-ec2-proxy-s3-exfiltration");

    assertThat(folder.files).isEqualTo(1);
    assertThat(folder.events).hasSize(103);
    assertThat(folder.countBy(AccessEvent::identityType))
        .containsOnly(
            Map.entry("IAMUser", 87L), Map.entry("AssumedRole", 11L), Map.entry("AWSService", 5L));
    assertThat(folder.events).allMatch(e -> e.outcome() == Outcome.SUCCESS);
    assertThat(folder.count(e -> e.identity().endsWith(":user/pedro") && isHuman(e))).isEqualTo(87);
    String stolenRole =
        "arn:aws:iam::123456789123:role/MordorNginxStack-BankingWAFRole-9S3E0UAE1MM0";
    assertThat(folder.events)
        .filteredOn(e -> e.identityType().equals("AssumedRole"))
        .hasSize(11)
        .allMatch(e -> e.identity().equals(stolenRole) && e.credential().equals(stolenRole))
        .allMatch(e -> e.classificationRule().equals("aws.role.ec2-instance"));
    assertThat(folder.count(e -> e.actorClass() == ActorClass.SERVICE)).isEqualTo(5);
    folder.assertTimes("2020-09-14T00:44:20Z", "2020-09-14T01:13:20Z");
  }

  @Test
  void plasoLookupEvents() throws IOException {
    Folder folder = read("plaso-lookupevents-jsonl");

    assertThat(folder.files).isEqualTo(1);
    assertThat(folder.events).hasSize(6);
    assertThat(folder.countBy(AccessEvent::identityType))
        .containsOnly(Map.entry("IAMUser", 5L), Map.entry("none", 1L));
    assertThat(folder.events)
        .filteredOn(e -> e.identityType().equals("none"))
        .singleElement()
        .satisfies(e -> assertThat(e.identity()).isEqualTo("ec2.amazonaws.com"));
    assertThat(folder.events).allMatch(e -> e.action().startsWith("ec2:"));
    assertThat(folder.events).allMatch(e -> "ap-southeast-2".equals(e.region()));
    folder.assertTimes("2022-02-07T22:19:04Z", "2022-02-07T22:23:37Z");
  }

  @Test
  void trailscraperFixtures() throws IOException {
    Folder folder = read("trailscraper-test-fixtures");

    assertThat(folder.files).isEqualTo(2);
    assertThat(folder.events).hasSize(5);
    assertThat(folder.countBy(AccessEvent::identityType))
        .containsOnly(
            Map.entry("AssumedRole", 2L), Map.entry("AWSService", 2L), Map.entry("Root", 1L));
    assertThat(folder.events)
        .filteredOn(e -> e.identityType().equals("AssumedRole"))
        .allMatch(e -> e.identity().equals("arn:aws:iam::111111111111:role/someRole"));
    assertThat(folder.events)
        .filteredOn(e -> e.identityType().equals("Root"))
        .singleElement()
        .satisfies(e -> assertThat(e.credentialKind()).isEqualTo(CredentialKind.ROOT))
        .satisfies(e -> assertThat(e.credential()).startsWith("AKIA"));
    folder.assertTimes("2015-06-17T00:47:28Z", "2017-12-11T15:04:51Z");
  }

  private static boolean isHuman(AccessEvent event) {
    return event.actorClass() == ActorClass.HUMAN;
  }

  private static List<String> benjaminKeys(Folder folder) {
    return folder.events.stream()
        .filter(e -> e.identity().endsWith(":user/benjamin"))
        .filter(e -> e.credentialKind() == CredentialKind.ACCESS_KEY)
        .map(AccessEvent::credential)
        .distinct()
        .toList();
  }

  /** Reads every data file of one dataset folder and checks what holds for any file. */
  private static Folder read(String name) throws IOException {
    Path dir = datasets().resolve(name);
    Assumptions.assumeTrue(Files.isDirectory(dir), "dataset " + dir + " not found: skipping");
    Folder folder = new Folder();
    for (Path file : dataFiles(dir)) {
      CloudTrailFileReadingTest.Result result;
      try (InputStream in = Files.newInputStream(file)) {
        result = CloudTrailFileReadingTest.read(file.toString(), in);
      }
      assertThat(result.rejections).as("rejections in %s", file).isEmpty();
      assertFileSummary(result.summary, file);
      folder.files++;
      folder.events.addAll(result.events);
    }
    return folder;
  }

  private static void assertFileSummary(FileSummary summary, Path file) throws IOException {
    assertThat(summary.formats()).as("formats of %s", file).containsExactly("cloudtrail");
    assertThat(summary.bytes()).isEqualTo(Files.size(file));
    assertThat(summary.read())
        .isEqualTo(summary.parsed() + summary.rejected() + summary.filtered());
    assertThat(summary.parsed())
        .isEqualTo(summary.nonHuman() + summary.human() + summary.service());
  }

  private static List<Path> dataFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals("SOURCE.md"))
          .sorted(Comparator.naturalOrder())
          .toList();
    }
  }

  private static Path datasets() {
    String shared = System.getProperty("nhiaudit.shared", "");
    Path dir = Path.of(shared.isEmpty() ? "shared" : shared, "datasets", "cloudtrail");
    Assumptions.assumeTrue(
        Files.isDirectory(dir), "shared datasets not found at " + dir + ": skipping");
    return dir;
  }

  /** The events of one dataset folder. */
  private static final class Folder {
    int files;
    final List<AccessEvent> events = new ArrayList<>();

    long count(java.util.function.Predicate<AccessEvent> test) {
      return events.stream().filter(test).count();
    }

    Map<String, Long> countBy(Function<AccessEvent, String> key) {
      return events.stream()
          .filter(e -> key.apply(e) != null)
          .collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    void assertTimes(String first, String last) {
      List<Instant> times = events.stream().map(AccessEvent::time).sorted().toList();
      assertThat(times.get(0)).isEqualTo(Instant.parse(first));
      assertThat(times.get(times.size() - 1)).isEqualTo(Instant.parse(last));
    }
  }
}
