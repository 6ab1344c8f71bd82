package org.nhiaudit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.core.execution.JobClient;
import org.nhiaudit.alert.Alert;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.job.StreamJob;
import org.nhiaudit.job.StreamOutputs;
import org.nhiaudit.job.StreamSettings;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Throughput and alert delay of the streaming job over a watched folder, on a local mini cluster.
 *
 * <p>Writes small gzipped CloudTrail files at a fixed event rate for a fixed time: routine calls of
 * a fixed set of access keys, each from its own address by the CLI (so they raise no alert), and
 * every {@link #PLANT_EVERY} one persistence call ({@code iam:CreateAccessKey}) by a key of its
 * own, whose file's write time is recorded. Event times are the wall clock at writing, so the
 * watermark moves as in a live deployment.
 *
 * <p>Prints the events per second counted in the committed usage aggregates, and for each planted
 * call the delay from its file being renamed into place to its alert appearing in the committed
 * alert files. Committed outputs only appear at checkpoints, so the delay includes up to one
 * checkpoint interval ({@link #CHECKPOINT}) and one folder poll ({@link #POLL}); outputs are looked
 * at every {@link #LOOK}, which bounds the resolution.
 *
 * <p>Arguments: events per second (default 500), seconds of writing (60), files per second (4).
 */
public final class StreamBench {

  static final Duration CHECKPOINT = Duration.ofSeconds(1);
  static final Duration POLL = Duration.ofMillis(250);
  static final Duration LOOK = Duration.ofMillis(100);
  static final Duration PLANT_EVERY = Duration.ofSeconds(2);
  static final int KEYS = 200;
  static final String CLI = "aws-cli/2.15 Python/3.11";

  private final Path logs;
  private final Path out;
  private final Map<String, Long> planted = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final Set<Path> readFiles = new HashSet<>();
  private final Map<String, Long> usage = new HashMap<>();

  private StreamBench(Path dir) {
    this.logs = dir.resolve("logs");
    this.out = dir.resolve("out");
  }

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int filesPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path dir = Files.createTempDirectory("stream-bench");
    new StreamBench(dir).run(rate, seconds, filesPerSecond, dir);
    System.exit(0);
  }

  private void run(int rate, int seconds, int filesPerSecond, Path dir) throws Exception {
    StreamSettings settings =
        StreamSettings.of(new StreamSettings.Watch(logs.toString(), POLL), out)
            .withCheckpoints(dir.resolve("checkpoints"), CHECKPOINT)
            .withTiming(Duration.ofMinutes(1), Duration.ofMillis(500))
            .withParsing(null, 2);
    Files.createDirectories(logs);
    System.out.printf(
        "stream bench: %d events/s in %d files/s for %d s, checkpoint every %d ms, poll %d ms,"
            + " parallelism 2, heap state%n",
        rate, filesPerSecond, seconds, CHECKPOINT.toMillis(), POLL.toMillis());
    JobClient job = new StreamJob(settings).start();
    try {
      Thread.sleep(3_000); // let the mini cluster start before the clock runs
      Thread watcher = new Thread(this::watchAlerts, "alert watcher");
      watcher.setDaemon(true);
      watcher.start();
      long written = write(rate, seconds, filesPerSecond);
      long writtenAt = System.nanoTime();
      long counted = countedNow();
      long deadline = writtenAt + Duration.ofSeconds(120).toNanos();
      while (counted < written && System.nanoTime() < deadline) {
        Thread.sleep(LOOK.toMillis());
        counted = countedNow();
      }
      double drain = (System.nanoTime() - writtenAt) / 1e9;
      Thread.sleep(2 * CHECKPOINT.toMillis());
      watcher.interrupt();
      report(written, counted, seconds, drain);
    } finally {
      job.cancel().get();
    }
  }

  /** Writes for {@code seconds}; returns how many events were written. */
  private long write(int rate, int seconds, int filesPerSecond) throws Exception {
    long start = System.nanoTime();
    long tick = 1_000_000_000L / filesPerSecond;
    int perFile = Math.max(1, rate / filesPerSecond);
    long written = 0;
    long nextPlant = start;
    int file = 0;
    long firstCountedAt = -1;
    long countedAtStart = 0;
    for (long at = start; at < start + seconds * 1_000_000_000L; at += tick, file++) {
      sleepUntil(at);
      List<String> records = routine(perFile, file);
      String plant = null;
      if (System.nanoTime() >= nextPlant) {
        plant = String.format("AKIAPLANT%011d", file);
        records.add(record(plant, "iam:CreateAccessKey", Instant.now(), "10.9.0.1"));
        nextPlant += PLANT_EVERY.toNanos();
      }
      drop(String.format("f%06d.json.gz", file), records);
      if (plant != null) {
        planted.put(plant, System.nanoTime());
      }
      written += records.size();
      if (firstCountedAt < 0 && at - start >= seconds * 250_000_000L) {
        firstCountedAt = System.nanoTime();
        countedAtStart = countedNow();
      }
    }
    long counted = countedNow();
    double span = (System.nanoTime() - firstCountedAt) / 1e9;
    System.out.printf(
        "processed while writing (last three quarters): %.0f events/s%n",
        (counted - countedAtStart) / span);
    return written;
  }

  private static List<String> routine(int count, int file) {
    List<String> records = new ArrayList<>(count + 1);
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      int key = (file * count + i) % KEYS;
      String id = String.format("AKIAROUTINE%09d", key);
      records.add(record(id, "s3:GetObject", now, "10.0." + key / 250 + "." + key % 250));
    }
    return records;
  }

  private static String record(String key, String action, Instant time, String source) {
    String[] parts = action.split(":");
    return String.format(
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
            + "\"accountId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:user/%s\","
            + "\"accessKeyId\":\"%s\"},\"eventTime\":\"%s\",\"eventSource\":\"%s.amazonaws.com\","
            + "\"eventName\":\"%s\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"%s\","
            + "\"userAgent\":\"%s\"}",
        key, key, time, parts[0], parts[1], source, CLI);
  }

  /** Written under a hidden name and renamed, as a log shipper does. */
  private void drop(String name, List<String> records) throws IOException {
    Path hidden = logs.resolve("." + name + ".tmp");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(hidden))) {
      String doc = "{\"Records\":[" + String.join(",", records) + "]}";
      o.write(doc.getBytes(StandardCharsets.UTF_8));
    }
    Files.move(hidden, logs.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private void watchAlerts() {
    Set<Path> seen = new HashSet<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        for (String line : newLines(StreamOutputs.ALERTS, seen)) {
          Alert alert = Json.MAPPER.readValue(line, Alert.class);
          Long wroteAt = planted.get(alert.credential());
          if (wroteAt != null && alert.rule().equals("persistence-call")) {
            delays.putIfAbsent(alert.credential(), System.nanoTime() - wroteAt);
          }
        }
        Thread.sleep(LOOK.toMillis());
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Events counted in the committed aggregates so far (each key's largest count). */
  private synchronized long countedNow() throws IOException {
    for (String line : newLines(StreamOutputs.USAGE, readFiles)) {
      CredentialUsage u = Json.MAPPER.readValue(line, CredentialUsage.class);
      usage.merge(u.key(), u.events(), Math::max);
    }
    return usage.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Lines of committed files of {@code folder} not in {@code seen}; committed files never change.
   */
  private List<String> newLines(String folder, Set<Path> seen) throws IOException {
    Path dir = out.resolve(folder);
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        if (seen.add(f)) {
          Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
        }
      }
    }
    return lines;
  }

  private void report(long written, long counted, int seconds, double drain) {
    System.out.printf(
        "written %d events in %d s (%.0f events/s); counted %d; all counted %.1f s after the"
            + " last file%n",
        written, seconds, written / (double) seconds, counted, drain);
    System.out.printf(
        "overall: %.0f events/s from first file to all counted%n", counted / (seconds + drain));
    List<Long> sorted = new ArrayList<>(delays.values());
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.printf("no planted alert seen (%d planted)%n", planted.size());
      return;
    }
    System.out.printf(
        "alert delay, file written to alert committed: %d of %d planted seen, median %d ms,"
            + " p99 %d ms, max %d ms%n",
        sorted.size(),
        planted.size(),
        percentile(sorted, 0.5),
        percentile(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1_000_000);
  }

  private static long percentile(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1_000_000;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
