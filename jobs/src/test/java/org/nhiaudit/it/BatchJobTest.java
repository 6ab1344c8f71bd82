package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.job.BatchJob;
import org.nhiaudit.job.JobRecord;
import org.nhiaudit.run.DeadLetter;
import org.nhiaudit.usage.CredentialUsage;

class BatchJobTest {

  @TempDir Path dir;

  @Test
  void aggregatesPerCredentialAndAccountsForEveryRecord() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs/nested"));
    gzip(
        logs.resolve("a.json.gz"),
        "{\"Records\":["
            + event("AKIAAAAAAAAAAAAAAAA1", "s3", "GetObject", "2026-01-01T10:00:00Z", null)
            + ","
            + event("AKIAAAAAAAAAAAAAAAA1", "s3", "PutObject", "2026-01-02T10:00:00Z", null)
            + ","
            + event("AKIAAAAAAAAAAAAAAAA2", "iam", "ListUsers", "2026-01-03T10:00:00Z", "Err")
            + "]}");
    Files.writeString(
        dir.resolve("logs/b.jsonl"),
        event("AKIAAAAAAAAAAAAAAAA1", "ec2", "DescribeInstances", "2026-01-05T00:00:00Z", null)
            + "\n{not json\n");

    List<JobRecord> out = new ArrayList<>();
    new BatchJob(List.of(dir.resolve("logs").toString()), ParserRegistry.defaults(), 2)
        .run(out::add);

    List<CredentialUsage> usage = parse(out, JobRecord.Kind.USAGE, CredentialUsage.class);
    assertThat(usage)
        .extracting(CredentialUsage::key)
        .containsExactlyInAnyOrder("AKIAAAAAAAAAAAAAAAA1", "AKIAAAAAAAAAAAAAAAA2");
    CredentialUsage first =
        usage.stream().filter(u -> u.key().endsWith("1")).findFirst().orElseThrow();
    assertThat(first.events()).isEqualTo(3);
    assertThat(first.actions())
        .containsOnlyKeys("s3:GetObject", "s3:PutObject", "ec2:DescribeInstances");
    assertThat(first.firstSeen()).hasToString("2026-01-01T10:00:00Z");
    assertThat(first.lastSeen()).hasToString("2026-01-05T00:00:00Z");

    List<FileSummary> files = parse(out, JobRecord.Kind.FILE, FileSummary.class);
    assertThat(files).hasSize(2);
    assertThat(files.stream().mapToLong(FileSummary::read).sum()).isEqualTo(5);
    assertThat(files.stream().mapToLong(FileSummary::rejected).sum()).isEqualTo(1);

    List<DeadLetter> dead = parse(out, JobRecord.Kind.DEAD_LETTER, DeadLetter.class);
    assertThat(dead)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).endsWith("b.jsonl");
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.reason()).contains("malformed JSON");
            });
  }

  @Test
  void boundedAndPerEventPathsAgree() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs/deep/er"));
    for (int f = 0; f < 5; f++) {
      StringBuilder doc = new StringBuilder("{\"Records\":[");
      for (int i = 0; i < 20; i++) {
        String key = "AKIAAAAAAAAAAAAAAAA" + (i % 3);
        String time = "2026-01-0" + (1 + f) + "T10:00:" + (10 + i) + "Z";
        doc.append(i == 0 ? "" : ",")
            .append(event(key, "s3", "Get" + (i % 4), time, i % 7 == 0 ? "AccessDenied" : null));
      }
      gzip(logs.resolve("f" + f + ".json.gz"), doc.append("]}").toString());
    }
    Files.writeString(dir.resolve("logs/README.md"), "not a log");
    Files.writeString(dir.resolve("logs/broken.json"), "{\"Records\":[{\"eventVersion\":");
    BatchJob job = new BatchJob(List.of(dir.resolve("logs").toString()), registry(), 2);

    List<String> bounded = new ArrayList<>();
    job.run(r -> bounded.add(r.kind() + " " + r.json()));
    List<String> perEvent = new ArrayList<>();
    job.runPerEvent(r -> perEvent.add(r.kind() + " " + r.json()));

    assertThat(bounded).hasSize(3 + 3 + 6 + 1).containsExactlyInAnyOrderElementsOf(perEvent);
  }

  private static ParserRegistry registry() {
    return ParserRegistry.defaults();
  }

  private static <T> List<T> parse(List<JobRecord> out, JobRecord.Kind kind, Class<T> type)
      throws IOException {
    List<T> values = new ArrayList<>();
    for (JobRecord r : out) {
      if (r.kind() == kind) {
        values.add(Json.MAPPER.readValue(r.json(), type));
      }
    }
    return values;
  }

  private static String event(String key, String service, String name, String time, String error) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":"
        + "\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:user/u-"
        + key.charAt(19)
        + "\",\"accessKeyId\":\""
        + key
        + "\"},\"eventTime\":\""
        + time
        + "\",\"eventSource\":\""
        + service
        + ".amazonaws.com\",\"eventName\":\""
        + name
        + "\",\"awsRegion\":\"us-east-1\","
        + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15\""
        + (error == null ? "" : ",\"errorCode\":\"" + error + "\"")
        + "}";
  }

  private static void gzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
