package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.alert.Alert;
import org.nhiaudit.alert.Decisions;
import org.nhiaudit.cli.KafkaPreflight;
import org.nhiaudit.cli.UserError;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.job.StreamJob;
import org.nhiaudit.job.StreamOutputs;
import org.nhiaudit.job.StreamSettings;
import org.nhiaudit.run.DeadLetter;
import org.nhiaudit.usage.CredentialUsage;

/**
 * The streaming job reading a topic of an in-process KRaft broker on the loopback address while a
 * producer keeps writing: the planted patterns raise their alerts, bad messages become dead letters
 * located by partition and offset, the per-partition accounts add up, and the final aggregates
 * equal those of the batch job over the same records written to files.
 */
class StreamJobKafkaTest {

  static final String TOPIC = "audit";

  static KafkaClusterTestKit cluster;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker(@TempDir Path base) throws Exception {
    Map<String, String> loopback =
        Map.of("listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setBaseDirectory(base)
            .setPerServerProperties(Map.of(0, loopback))
            .build();
    cluster = new KafkaClusterTestKit.Builder(nodes).build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void alertsWhileTheProducerWritesAndEndsWithTheBatchAggregates() throws Exception {
    Path out = dir.resolve("out");
    StreamSettings.Kafka source =
        new StreamSettings.Kafka(
            cluster.bootstrapServers(), List.of(TOPIC), "nhi-audit-test", true, Map.of());
    KafkaPreflight.check(source, Duration.ofSeconds(10));
    StreamSettings settings =
        StreamSettings.of(source, out)
            .withCheckpoints(dir.resolve("checkpoints"), Duration.ofMillis(300))
            .withTiming(Duration.ofMinutes(10), Duration.ofMillis(300))
            .withParsing(null, 2);
    settings =
        settings.withRules(
            settings.configYaml(),
            settings.alerts(),
            Decisions.revoking(Set.of(StreamJobWatchTest.REVOKED), "test"));

    List<String> routine = StreamJobWatchTest.routine();
    List<String> later = new ArrayList<>(StreamJobWatchTest.suspicious());
    later.addAll(StreamJobWatchTest.wakeUp());
    List<String> bad = List.of("{not json", "{\"hello\":\"world\"}");
    long total = routine.size() + later.size();

    JobClient job = new StreamJob(settings).start();
    try (KafkaProducer<String, String> producer = producer()) {
      send(producer, routine);
      StreamFixtures.await(
          "the first records' aggregates",
          Duration.ofSeconds(90),
          () -> StreamFixtures.events(StreamFixtures.latestUsage(out)) == routine.size());
      assertThat(StreamFixtures.alerts(out)).isEmpty();
      // The rest arrives while the job runs, a few records at a time.
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(() -> trickle(producer, later, bad));
      StreamFixtures.await(
          "six alerts", Duration.ofSeconds(60), () -> StreamFixtures.alerts(out).size() >= 6);
      writer.get();
      StreamFixtures.await(
          "every event aggregated",
          Duration.ofSeconds(60),
          () -> StreamFixtures.events(StreamFixtures.latestUsage(out)) == total);
      StreamFixtures.await(
          "the accounts of every message",
          Duration.ofSeconds(30),
          () -> read(accounts(out)) == total + bad.size());
    } finally {
      stop(job);
    }

    assertThat(StreamJobWatchTest.rules(StreamFixtures.alerts(out)))
        .containsExactlyInAnyOrder(
            "new-source",
            "new-client",
            "persistence-call",
            "denied-burst",
            "dormant-reuse",
            "revoked-use");
    assertThat(StreamFixtures.alerts(out)).extracting(Alert::id).doesNotHaveDuplicates();

    List<DeadLetter> letters =
        StreamFixtures.committed(out, StreamOutputs.DEAD_LETTERS, DeadLetter.class);
    assertThat(letters).hasSize(bad.size());
    assertThat(letters).allSatisfy(l -> assertThat(l.path()).matches("audit/[01]@\\d+"));

    Map<String, FileSummary> accounts = accounts(out);
    assertThat(accounts.keySet()).isSubsetOf("audit/0", "audit/1");
    assertThat(accounts.values())
        .allSatisfy(a -> assertThat(a.read()).isEqualTo(a.parsed() + a.rejected() + a.filtered()));
    assertThat(accounts.values().stream().mapToLong(FileSummary::rejected).sum())
        .isEqualTo(bad.size());

    Path logs = dir.resolve("logs");
    StreamFixtures.drop(logs, "routine.json.gz", routine);
    StreamFixtures.drop(logs, "later.json.gz", later);
    Map<String, CredentialUsage> batch = StreamFixtures.batchUsage(logs);
    assertThat(StreamFixtures.latestUsage(out)).isEqualTo(batch);
  }

  @Test
  void refusesAMissingTopicAndAnUnreachableBroker() throws Exception {
    StreamSettings.Kafka missing =
        new StreamSettings.Kafka(
            cluster.bootstrapServers(), List.of(TOPIC, "no-such"), "g", false, Map.of());
    assertThatThrownBy(() -> KafkaPreflight.check(missing, Duration.ofSeconds(10)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no such topic")
        .hasMessageContaining("no-such")
        .hasMessageNotContaining(TOPIC + ",");

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    StreamSettings.Kafka nowhere =
        new StreamSettings.Kafka("127.0.0.1:" + closedPort, List.of(TOPIC), "g", false, Map.of());
    long start = System.nanoTime();
    assertThatThrownBy(() -> KafkaPreflight.check(nowhere, Duration.ofSeconds(2)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no broker at 127.0.0.1:" + closedPort);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  /** Cancels the job; when it has already ended, fails with why it ended. */
  private static void stop(JobClient job) throws Exception {
    if (!job.getJobStatus().get().isGloballyTerminalState()) {
      job.cancel().get();
      return;
    }
    job.getJobExecutionResult().get();
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = cluster.clientProperties();
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    props.put("linger.ms", "0");
    return new KafkaProducer<>(props);
  }

  /** Sends each record keyed by its access key, so one credential's records stay in order. */
  private static void send(KafkaProducer<String, String> producer, List<String> records) {
    for (String record : records) {
      producer.send(new ProducerRecord<>(TOPIC, accessKey(record), record));
    }
    producer.flush();
  }

  private static void trickle(
      KafkaProducer<String, String> producer, List<String> records, List<String> bad) {
    for (int i = 0; i < records.size(); i += 5) {
      send(producer, records.subList(i, Math.min(records.size(), i + 5)));
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    for (String message : bad) {
      producer.send(new ProducerRecord<>(TOPIC, "bad", message));
    }
    producer.flush();
  }

  private static String accessKey(String record) {
    int at = record.indexOf("\"accessKeyId\":\"") + 15;
    return record.substring(at, record.indexOf('"', at));
  }

  /** The latest account of each partition: the one that read the most. */
  private static Map<String, FileSummary> accounts(Path out) throws java.io.IOException {
    Map<String, FileSummary> latest = new HashMap<>();
    for (FileSummary s : StreamFixtures.committed(out, StreamOutputs.FILES, FileSummary.class)) {
      latest.merge(s.path(), s, (a, b) -> a.read() >= b.read() ? a : b);
    }
    return latest;
  }

  private static long read(Map<String, FileSummary> accounts) {
    return accounts.values().stream().mapToLong(FileSummary::read).sum();
  }
}
