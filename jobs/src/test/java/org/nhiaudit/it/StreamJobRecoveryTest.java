package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.it.StreamFixtures.CLI;
import static org.nhiaudit.it.StreamFixtures.event;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.alert.Alert;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.job.StreamJob;
import org.nhiaudit.job.StreamSettings;

/**
 * A task fails mid-stream, after a checkpoint and while files keep arriving; the job restarts from
 * that checkpoint. Nothing may be lost or counted twice: the aggregates equal the batch job's over
 * the same files, and the committed alerts hold each finding exactly once.
 */
class StreamJobRecoveryTest {

  static final int FILES = 8;
  static final int EVENTS_PER_FILE = 120;
  static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  /** Set by the failing stage once it has thrown; the restarted stage then passes items on. */
  static final AtomicBoolean FAILED = new AtomicBoolean();

  static final AtomicInteger CHECKPOINTS = new AtomicInteger();

  @TempDir Path dir;

  @Test
  void restartsFromTheCheckpointWithoutLosingOrRepeatingAnything() throws Exception {
    Path logs = dir.resolve("logs");
    Path out = dir.resolve("out");
    StreamSettings settings =
        StreamSettings.of(new StreamSettings.Watch(logs.toString(), Duration.ofMillis(200)), out)
            .withCheckpoints(dir.resolve("checkpoints"), Duration.ofMillis(300))
            .withTiming(Duration.ofMinutes(10), Duration.ofMillis(300))
            .withParsing(null, 2);
    java.nio.file.Files.createDirectories(logs);
    FAILED.set(false);
    CHECKPOINTS.set(0);

    JobClient job = new StreamJob(settings).start(items -> items.map(new FailOnce()).name("fail"));
    try {
      for (int i = 0; i < FILES; i++) {
        StreamFixtures.drop(logs, "f" + i + ".json.gz", file(i));
        Thread.sleep(400);
      }
      StreamFixtures.await(
          "every event aggregated",
          Duration.ofSeconds(90),
          () ->
              StreamFixtures.events(StreamFixtures.latestUsage(out))
                  == (long) FILES * EVENTS_PER_FILE);
      StreamFixtures.await(
          "one alert per file",
          Duration.ofSeconds(30),
          () -> StreamFixtures.alerts(out).size() >= FILES);
    } finally {
      job.cancel().get();
    }

    assertThat(FAILED).as("the task failed once").isTrue();
    assertThat(StreamFixtures.latestUsage(out)).isEqualTo(StreamFixtures.batchUsage(logs));
    List<Alert> alerts = StreamFixtures.alerts(out);
    assertThat(alerts).extracting(Alert::id).doesNotHaveDuplicates();
    assertThat(alerts).extracting(Alert::credential).doesNotHaveDuplicates().hasSize(FILES);
    assertThat(alerts).extracting(Alert::rule).containsOnly("persistence-call");
  }

  /** One credential per file: routine reads, then a new access key. */
  static List<String> file(int i) {
    String key = String.format("AKIAFILE%012d", i);
    // A minute apart: files read out of order after the restart stay within the allowed delay.
    Instant start = T0.plus(Duration.ofMinutes(i));
    List<String> records = new ArrayList<>();
    for (int e = 0; e < EVENTS_PER_FILE - 1; e++) {
      records.add(
          event(key, "s3:GetObject", start.plusSeconds(e), "10.0.0." + (e % 5 + 1), CLI, null));
    }
    records.add(event(key, "iam:CreateAccessKey", start.plusSeconds(200), "10.0.0.1", CLI, null));
    return records;
  }

  /** Throws once, after a checkpoint has completed and a few hundred items have passed. */
  static final class FailOnce extends RichMapFunction<IngestItem, IngestItem>
      implements CheckpointListener {
    private transient int seen;

    @Override
    public IngestItem map(IngestItem item) {
      seen++;
      if (seen > 200 && CHECKPOINTS.get() > 0 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after " + seen + " items");
      }
      return item;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTS.incrementAndGet();
    }
  }
}
