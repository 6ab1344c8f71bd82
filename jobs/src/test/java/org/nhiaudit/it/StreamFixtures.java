package org.nhiaudit.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.nhiaudit.alert.Alert;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.job.BatchJob;
import org.nhiaudit.job.JobRecord;
import org.nhiaudit.job.StreamOutputs;
import org.nhiaudit.usage.CredentialUsage;

/** CloudTrail files dropped into a watched folder, and readers of the streaming job's outputs. */
final class StreamFixtures {

  static final String CLI = "aws-cli/2.15 Python/3.11";
  static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";

  private StreamFixtures() {}

  /** One CloudTrail record of an IAM user's access key; {@code error} null for success. */
  static String event(
      String key, String action, Instant time, String source, String agent, String error) {
    String[] parts = action.split(":");
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":"
        + "\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:user/u-"
        + key
        + "\",\"accessKeyId\":\""
        + key
        + "\"},\"eventTime\":\""
        + time
        + "\",\"eventSource\":\""
        + parts[0]
        + ".amazonaws.com\",\"eventName\":\""
        + parts[1]
        + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\""
        + source
        + "\",\"userAgent\":\""
        + agent
        + "\""
        + (error == null ? "" : ",\"errorCode\":\"" + error + "\"")
        + "}";
  }

  /**
   * Writes a gzipped CloudTrail file under a hidden name and renames it into place, as a log
   * shipper does, so the job never sees it half-written.
   */
  static void drop(Path dir, String name, List<String> records) throws IOException {
    Files.createDirectories(dir);
    Path hidden = dir.resolve("." + name + ".tmp");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(hidden))) {
      out.write(
          ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8));
    }
    Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every committed line of one output folder, as {@code type}. */
  static <T> List<T> committed(Path out, String folder, Class<T> type) throws IOException {
    Path dir = out.resolve(folder);
    List<T> values = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return values;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            values.add(Json.MAPPER.readValue(line, type));
          }
        }
      }
    }
    return values;
  }

  static List<Alert> alerts(Path out) throws IOException {
    return committed(out, StreamOutputs.ALERTS, Alert.class);
  }

  /**
   * The current aggregate of each credential: of the aggregates committed for a key, the one with
   * the most events (an aggregate only grows).
   */
  static Map<String, CredentialUsage> latestUsage(Path out) throws IOException {
    Map<String, CredentialUsage> latest = new HashMap<>();
    for (CredentialUsage u : committed(out, StreamOutputs.USAGE, CredentialUsage.class)) {
      latest.merge(u.key(), u, (a, b) -> a.events() >= b.events() ? a : b);
    }
    return latest;
  }

  static long events(Map<String, CredentialUsage> usage) {
    return usage.values().stream().mapToLong(CredentialUsage::events).sum();
  }

  /** The batch job's aggregate of each credential over the same folder. */
  static Map<String, CredentialUsage> batchUsage(Path logs) throws Exception {
    Map<String, CredentialUsage> usage = new HashMap<>();
    new BatchJob(List.of(logs.toString()), ParserRegistry.defaults(), 2)
        .run(
            r -> {
              if (r.kind() == JobRecord.Kind.USAGE) {
                try {
                  CredentialUsage u = Json.MAPPER.readValue(r.json(), CredentialUsage.class);
                  usage.put(u.key(), u);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    return usage;
  }

  /** Polls {@code condition} until it holds; fails with {@code what} after {@code limit}. */
  static void await(String what, Duration limit, Check condition) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  /** A condition that may read files. */
  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }
}
