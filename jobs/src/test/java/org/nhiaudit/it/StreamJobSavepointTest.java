package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.alert.Alert;
import org.nhiaudit.job.StreamJob;
import org.nhiaudit.job.StreamSettings;

/**
 * The job is stopped with a savepoint halfway through and started again from it, as an operator
 * does for an upgrade; files keep arriving meanwhile. The resumed job neither reads a file again
 * nor misses one: the aggregates equal the batch job's over all files, and every finding is alerted
 * once across both runs.
 */
class StreamJobSavepointTest {

  static final int FILES = 6;

  @TempDir Path dir;

  @Test
  void resumesFromASavepointWithoutLosingOrRepeatingAnything() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Path out = dir.resolve("out");
    StreamSettings settings =
        StreamSettings.of(new StreamSettings.Watch(logs.toString(), Duration.ofMillis(200)), out)
            .withCheckpoints(dir.resolve("checkpoints"), Duration.ofMillis(300))
            .withTiming(Duration.ofMinutes(10), Duration.ofMillis(300))
            .withParsing(null, 2);

    JobClient first = new StreamJob(settings).start();
    String savepoint;
    try {
      drop(logs, 0, FILES / 2);
      StreamFixtures.await(
          "the first half aggregated",
          Duration.ofSeconds(60),
          () -> StreamFixtures.events(StreamFixtures.latestUsage(out)) == expected(FILES / 2));
    } finally {
      savepoint =
          first
              .stopWithSavepoint(
                  false,
                  dir.resolve("savepoints").toUri().toString(),
                  SavepointFormatType.CANONICAL)
              .get();
    }
    drop(logs, FILES / 2, FILES);

    JobClient second = new StreamJob(settings.withState(false, savepoint)).start();
    try {
      StreamFixtures.await(
          "every file aggregated",
          Duration.ofSeconds(60),
          () -> StreamFixtures.events(StreamFixtures.latestUsage(out)) == expected(FILES));
      StreamFixtures.await(
          "one alert per file",
          Duration.ofSeconds(30),
          () -> StreamFixtures.alerts(out).size() >= FILES);
      Thread.sleep(1000); // one more checkpoint: anything read twice would show by now
    } finally {
      second.cancel().get();
    }

    assertThat(StreamFixtures.latestUsage(out)).isEqualTo(StreamFixtures.batchUsage(logs));
    List<Alert> alerts = StreamFixtures.alerts(out);
    assertThat(alerts).extracting(Alert::id).doesNotHaveDuplicates();
    assertThat(alerts).extracting(Alert::credential).doesNotHaveDuplicates().hasSize(FILES);
  }

  private static void drop(Path logs, int from, int to) throws Exception {
    for (int i = from; i < to; i++) {
      StreamFixtures.drop(logs, "f" + i + ".json.gz", StreamJobRecoveryTest.file(i));
      Thread.sleep(300);
    }
  }

  private static long expected(int files) {
    return (long) files * StreamJobRecoveryTest.EVENTS_PER_FILE;
  }
}
