package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.it.StreamFixtures.BROWSER;
import static org.nhiaudit.it.StreamFixtures.CLI;
import static org.nhiaudit.it.StreamFixtures.event;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nhiaudit.alert.Alert;
import org.nhiaudit.alert.Decisions;
import org.nhiaudit.job.LateEvent;
import org.nhiaudit.job.StreamJob;
import org.nhiaudit.job.StreamOutputs;
import org.nhiaudit.job.StreamSettings;
import org.nhiaudit.report.ReportGenerator;
import org.nhiaudit.report.ReportRequest;
import org.nhiaudit.report.ReportResult;
import org.nhiaudit.risk.Severity;
import org.nhiaudit.run.RunOutputs;
import org.nhiaudit.usage.CredentialUsage;

/**
 * The streaming job on a local mini cluster over a watched folder: files arrive while it runs, each
 * planted pattern raises its alert once, a late event is counted, and the final aggregates equal
 * those of the batch job over the same files. It runs once with state on the heap and once in
 * RocksDB, where every state access goes through serialization, so both backends must give the same
 * outcome.
 */
class StreamJobWatchTest {

  static final String STEADY = "AKIASTEADY0000000001";
  static final String PROBER = "AKIAPROBER0000000002";
  static final String SLEEPER = "AKIASLEEPER000000003";
  static final String REVOKED = "AKIAREVOKED000000004";
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;

  @ParameterizedTest(name = "rocksDb={0}")
  @ValueSource(booleans = {false, true})
  void raisesEachAlertOnceAndEndsWithTheBatchAggregates(boolean rocksDb) throws Exception {
    Path logs = dir.resolve("logs");
    Path out = dir.resolve("out");
    StreamSettings settings =
        StreamSettings.of(new StreamSettings.Watch(logs.toString(), Duration.ofMillis(200)), out)
            .withCheckpoints(dir.resolve("checkpoints"), Duration.ofMillis(300))
            .withTiming(Duration.ofMinutes(10), Duration.ofMillis(300))
            .withParsing(null, 2)
            .withState(rocksDb, null);
    settings =
        settings.withRules(
            settings.configYaml(), settings.alerts(), Decisions.revoking(Set.of(REVOKED), "test"));

    StreamFixtures.drop(logs.resolve("day0"), "a.json.gz", routine());
    JobClient job = new StreamJob(settings).start();
    try {
      StreamFixtures.await(
          "the first file's aggregates",
          Duration.ofSeconds(60),
          () -> StreamFixtures.events(StreamFixtures.latestUsage(out)) == routine().size());
      assertThat(StreamFixtures.alerts(out)).isEmpty();

      StreamFixtures.drop(logs.resolve("day0"), "b.json.gz", suspicious());
      StreamFixtures.await(
          "five alerts", Duration.ofSeconds(60), () -> StreamFixtures.alerts(out).size() >= 5);
      // Only now: dropped together, the two files may go to different readers, and the forty days
      // later one can move the watermark past the other's events before they are read, making
      // them late (so never judged) at random.
      StreamFixtures.drop(logs.resolve("day40"), "c.json.gz", wakeUp());
      StreamFixtures.await(
          "the sixth alert", Duration.ofSeconds(60), () -> StreamFixtures.alerts(out).size() >= 6);
      // Behind the watermark by far: counted as late, still aggregated.
      StreamFixtures.drop(
          logs.resolve("day0"),
          "d.json.gz",
          List.of(event(STEADY, "s3:GetObject", T0.plusSeconds(5), "10.0.0.5", CLI, null)));
      long total = routine().size() + suspicious().size() + wakeUp().size() + 1;
      StreamFixtures.await(
          "every event aggregated",
          Duration.ofSeconds(60),
          () -> StreamFixtures.events(StreamFixtures.latestUsage(out)) == total);
      StreamFixtures.await(
          "the late event",
          Duration.ofSeconds(30),
          () ->
              !StreamFixtures.committed(out, StreamOutputs.LATE_EVENTS, LateEvent.class).isEmpty());
      StreamFixtures.await(
          "a snapshot of every event",
          Duration.ofSeconds(30),
          () -> snapshotEvents(out.resolve(StreamOutputs.SNAPSHOT)) == total);
    } finally {
      job.cancel().get();
    }

    List<Alert> alerts = StreamFixtures.alerts(out);
    assertThat(alerts.stream().map(a -> a.credential() + " " + a.rule()))
        .containsExactlyInAnyOrder(
            STEADY + " new-source",
            STEADY + " new-client",
            STEADY + " persistence-call",
            PROBER + " denied-burst",
            SLEEPER + " dormant-reuse",
            REVOKED + " revoked-use");
    assertThat(alerts).extracting(Alert::id).doesNotHaveDuplicates();
    Alert burst = alerts.stream().filter(a -> a.rule().equals("denied-burst")).findFirst().get();
    assertThat(burst.events()).hasSize(20);
    assertThat(burst.severity()).isEqualTo(Severity.HIGH);
    Alert persistence =
        alerts.stream().filter(a -> a.rule().equals("persistence-call")).findFirst().get();
    assertThat(persistence.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("iam:CreateAccessKey");
              assertThat(e.origin()).contains("b.json.gz");
            });

    List<LateEvent> late =
        StreamFixtures.committed(out, StreamOutputs.LATE_EVENTS, LateEvent.class);
    assertThat(late).singleElement().satisfies(l -> assertThat(l.credential()).isEqualTo(STEADY));

    Map<String, CredentialUsage> batch = StreamFixtures.batchUsage(logs);
    assertThat(StreamFixtures.latestUsage(out)).isEqualTo(batch);

    Path snapshot = out.resolve(StreamOutputs.SNAPSHOT);
    assertThat(RunOutputs.readUsage(snapshot)).containsExactlyInAnyOrderElementsOf(batch.values());
    assertThat(RunOutputs.readSummary(snapshot).totals().nonHuman())
        .isEqualTo(StreamFixtures.events(batch));
    ReportResult report =
        new ReportGenerator().generate(ReportRequest.of(snapshot, dir.resolve("report")));
    assertThat(report.credentials()).isEqualTo(batch.size());
  }

  private static long snapshotEvents(Path snapshot) {
    try {
      return RunOutputs.readUsage(snapshot).stream().mapToLong(CredentialUsage::events).sum();
    } catch (java.io.IOException notYet) {
      return -1;
    }
  }

  /** Routine calls from one network by the CLI, and one call of the sleeper. */
  static List<String> routine() {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String source = "10.0.0." + (i % 7 + 1);
      records.add(event(STEADY, "s3:GetObject", T0.plusSeconds(i * 60L), source, CLI, null));
    }
    records.add(event(SLEEPER, "sts:GetCallerIdentity", T0, "10.1.0.1", CLI, null));
    return records;
  }

  /** Two hours later: a new network, a browser, a new access key, a burst, a revoked key. */
  static List<String> suspicious() {
    Instant t = T0.plus(Duration.ofHours(2));
    List<String> records = new ArrayList<>();
    records.add(event(STEADY, "s3:ListBuckets", t, "198.51.100.7", CLI, null));
    records.add(event(STEADY, "s3:ListBuckets", t.plusSeconds(1), "10.0.0.2", BROWSER, null));
    records.add(event(STEADY, "iam:CreateAccessKey", t.plusSeconds(2), "10.0.0.3", CLI, null));
    for (int i = 0; i < 25; i++) {
      String action = i % 2 == 0 ? "iam:ListUsers" : "ec2:DescribeInstances";
      records.add(event(PROBER, action, t.plusSeconds(3 + i), "203.0.113.9", CLI, "AccessDenied"));
    }
    records.add(event(REVOKED, "s3:GetObject", t.plusSeconds(30), "10.2.0.1", CLI, null));
    return records;
  }

  /** Forty days on, the sleeper is used again. */
  static List<String> wakeUp() {
    Instant t = T0.plus(Duration.ofDays(40));
    return List.of(event(SLEEPER, "sts:GetCallerIdentity", t, "10.1.0.1", CLI, null));
  }

  static Set<String> rules(List<Alert> alerts) {
    return alerts.stream().map(Alert::rule).collect(Collectors.toSet());
  }
}
