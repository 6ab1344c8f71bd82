package org.nhiaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.job.BatchJob;
import org.nhiaudit.job.JobRecord;

/**
 * One engine over one data set, alone in its own JVM so that its peak memory and the cores it may
 * use are its own. Writes the per-credential rows to a file and prints one line of figures, {@code
 * RESULT seconds=... cpuSeconds=... heapPeakMiB=... rssPeakMiB=... rows=...}, for {@link
 * PipelineBench} to read.
 *
 * <p>Arguments: {@code flink|per-event|duckdb LOGS PARALLELISM ROWS_FILE}; {@code per-event} is the
 * job through Flink's file source and the per-event pipeline ({@link BatchJob#runPerEvent}).
 */
public final class BenchWorker {

  private BenchWorker() {}

  public static void main(String[] args) throws Exception {
    String engine = args[0];
    String logs = args[1];
    int parallelism = Integer.parseInt(args[2]);
    Path rowsFile = Path.of(args[3]);
    long t0 = System.nanoTime();
    List<Aggregate> rows =
        "duckdb".equals(engine)
            ? DuckDbAggregation.run(logs, parallelism)
            : runJob(logs, parallelism, "per-event".equals(engine));
    double seconds = (System.nanoTime() - t0) / 1e9;
    Aggregate.write(rowsFile, rows);
    System.out.printf(
        Locale.ROOT,
        "RESULT seconds=%.3f cpuSeconds=%.3f heapPeakMiB=%d rssPeakMiB=%d rows=%d%n",
        seconds,
        cpuSeconds(),
        heapPeak() >> 20,
        rssPeakKib() >> 10,
        rows.size());
    // The embedded cluster can leave source fetcher threads parked after the job ends; they are
    // not daemons and would keep this process alive.
    System.exit(0);
  }

  private static List<Aggregate> runJob(String logs, int parallelism, boolean perEvent)
      throws Exception {
    List<Aggregate> rows = new ArrayList<>();
    long[] accounted = new long[2];
    // As the batch command does: the embedded cluster starts while the job is being built.
    BatchJob job =
        new BatchJob(List.of(logs), ParserRegistry.defaults(), parallelism).startCluster();
    Consumer<JobRecord> sink =
        record -> {
          if (record.kind() == JobRecord.Kind.USAGE) {
            rows.add(fromUsage(record.json()));
          } else if (record.kind() == JobRecord.Kind.FILE) {
            JsonNode file = tree(record.json());
            accounted[0] += file.path("nonHuman").asLong();
          }
        };
    if (perEvent) {
      job.runPerEvent(sink);
    } else {
      job.run(sink);
    }
    job.close();
    accounted[1] = rows.stream().mapToLong(Aggregate::events).sum();
    if (accounted[0] != accounted[1]) {
      throw new IllegalStateException(
          "usage holds " + accounted[1] + " events, files " + accounted[0] + " non-human ones");
    }
    return rows;
  }

  private static Aggregate fromUsage(String json) {
    JsonNode usage = tree(json);
    return new Aggregate(
        usage.path("key").asText(),
        usage.path("events").asLong(),
        Instant.parse(usage.path("firstSeen").asText()).getEpochSecond(),
        Instant.parse(usage.path("lastSeen").asText()).getEpochSecond(),
        usage.path("actions").size(),
        usage.path("distinctSourceAddresses").asLong(),
        usage.path("denied").asLong());
  }

  private static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable job record: " + json, e);
    }
  }

  /**
   * CPU time of the whole process, every thread and native code included. On a shared machine it is
   * steadier than wall time, which waits for other processes too.
   */
  private static double cpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9
        : 0;
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  /** The process's peak resident set (Linux {@code VmHWM}), native memory included; else 0. */
  private static long rssPeakKib() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
