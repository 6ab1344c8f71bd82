package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.LogFileReader;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.job.EventTables;
import org.nhiaudit.job.LogSources;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.Outcome;

/** The SQL view of the events agrees with the events the readers produce, record for record. */
class EventTablesTest {

  @TempDir Path dir;

  @Test
  void aGroupByOverAccessEventsMatchesTheReadersOutput() throws Exception {
    Path file = dir.resolve("trail.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            record("AKIAAAAAAAAAAAAAAAA1", "GetObject", null, "aws-cli/2"),
            record("AKIAAAAAAAAAAAAAAAA1", "PutObject", "AccessDenied", "aws-cli/2"),
            record("AKIAAAAAAAAAAAAAAAA2", "ListBuckets", null, "Boto3/1.35"),
            record("AKIAAAAAAAAAAAAAAAA2", "ListBuckets", "NoSuchBucket", "Boto3/1.35"),
            "{broken",
            ""));
    StreamExecutionEnvironment env = LogSources.batchEnvironment(1);
    StreamTableEnvironment tables =
        EventTables.register(
            env, LogSources.files(env, List.of(dir.toString()), ParserRegistry.defaults()));

    Map<String, long[]> sql = new HashMap<>();
    try (CloseableIterator<Row> rows =
        tables
            .executeSql(
                "SELECT credential, COUNT(*), SUM(CASE WHEN outcome = 'DENIED' THEN 1 ELSE 0 END)"
                    + " FROM access_events WHERE actor_class = 'NON_HUMAN' GROUP BY credential")
            .collect()) {
      rows.forEachRemaining(
          r ->
              sql.put(
                  (String) r.getField(0),
                  new long[] {(Long) r.getField(1), ((Number) r.getField(2)).longValue()}));
    }

    assertThat(sql).containsOnlyKeys(expected(file).keySet());
    expected(file).forEach((key, counts) -> assertThat(sql.get(key)).containsExactly(counts));
    try (CloseableIterator<Row> rows =
        tables.executeSql("SELECT line, reason FROM dead_letters").collect()) {
      Row dead = rows.next();
      assertThat(dead.getField(0)).isEqualTo(5L);
      assertThat((String) dead.getField(1)).contains("malformed JSON");
      assertThat(rows.hasNext()).isFalse();
    }
  }

  /** Counts per credential from the reader alone, without Flink. */
  private static Map<String, long[]> expected(Path file) throws Exception {
    Map<String, long[]> counts = new HashMap<>();
    try (InputStream in = Files.newInputStream(file);
        LogFileReader reader = LogFileReader.open(file.toString(), in, ParserRegistry.defaults())) {
      for (IngestItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof IngestItem.Event e && e.event().actorClass() == ActorClass.NON_HUMAN) {
          AccessEvent event = e.event();
          long[] c = counts.computeIfAbsent(event.credential(), k -> new long[2]);
          c[0]++;
          c[1] += event.outcome() == Outcome.DENIED ? 1 : 0;
        }
      }
    }
    return counts;
  }

  private static String record(String key, String name, String error, String agent) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":"
        + "\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:user/svc\",\"accessKeyId\":\""
        + key
        + "\"},\"eventTime\":\"2026-03-01T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\","
        + "\"eventName\":\""
        + name
        + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.4\",\"userAgent\":\""
        + agent
        + "\""
        + (error == null ? "" : ",\"errorCode\":\"" + error + "\"")
        + "}";
  }
}
