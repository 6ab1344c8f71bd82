package org.nhiaudit.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.LogFileReader;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.ingest.Rejection;
import org.nhiaudit.model.AccessEvent;

/** CloudTrail files of every container through {@link LogFileReader}. */
class CloudTrailFileReadingTest {

  private static final List<ObjectNode> THREE =
      List.of(
          Samples.call(Samples.IAM_USER_KEY),
          Samples.call(Samples.IAM_USER_CONSOLE),
          Samples.call(Samples.SERVICE));

  @Test
  void prettyPrintedRecordsWrapper() throws Exception {
    String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(wrapper());

    Result result = read(text.getBytes(StandardCharsets.UTF_8));

    assertThat(result.events).hasSize(3);
    assertThat(result.rejections).isEmpty();
    assertThat(result.events.get(1).origin().index()).isEqualTo(1);
    assertThat(result.events.get(1).origin().line()).isGreaterThan(1);
    assertCounts(result.summary, 3, 3, 0);
  }

  @Test
  void wrapperDocumentsOnePerLineAreReadAsConcatenatedDocuments() throws Exception {
    String line = Json.MAPPER.writeValueAsString(wrapper());

    Result result = read((line + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(result.events).hasSize(6);
    assertThat(result.events.get(4).origin().line()).isEqualTo(2);
    assertCounts(result.summary, 6, 6, 0);
  }

  @Test
  void singleLineRecordsWrapper() throws Exception {
    Result result = read(Json.MAPPER.writeValueAsBytes(wrapper()));

    assertThat(result.events)
        .extracting(AccessEvent::classificationRule)
        .containsExactly("aws.user.access-key", "aws.user.mfa-session", "aws.service.principal");
    assertCounts(result.summary, 3, 3, 0);
  }

  @Test
  void gzipAndPlainGiveTheSameEvents() throws Exception {
    byte[] plain = Json.MAPPER.writeValueAsBytes(wrapper());

    Result fromPlain = read(plain);
    Result fromGzip = read(gzip(plain));

    assertThat(fromGzip.events).hasSize(3);
    assertThat(fromGzip.events)
        .extracting(AccessEvent::credential)
        .isEqualTo(fromPlain.events.stream().map(AccessEvent::credential).toList());
    assertThat(fromGzip.summary.bytes()).isNotEqualTo(fromPlain.summary.bytes());
  }

  @Test
  void bareArray() throws Exception {
    Result result = read(Json.MAPPER.writeValueAsBytes(THREE));

    assertThat(result.events).hasSize(3);
    assertCounts(result.summary, 3, 3, 0);
  }

  @Test
  void jsonLinesWithAMalformedLineInTheMiddle() throws Exception {
    String text =
        Json.MAPPER.writeValueAsString(THREE.get(0))
            + "\n"
            + Json.MAPPER.writeValueAsString(THREE.get(1))
            + "\n"
            + "{\"eventVersion\":\"1.08\",\"eventName\": oops\n"
            + Json.MAPPER.writeValueAsString(THREE.get(2))
            + "\n";

    Result result = read(text.getBytes(StandardCharsets.UTF_8));

    assertThat(result.events).hasSize(3);
    assertThat(result.rejections).hasSize(1);
    assertThat(result.rejections.get(0).origin().line()).isEqualTo(3);
    assertThat(result.rejections.get(0).reason()).contains("malformed JSON line");
    assertThat(result.events.get(2).origin().line()).isEqualTo(4);
    assertCounts(result.summary, 4, 3, 1);
  }

  @Test
  void jsonLinesLongerThanTheBuffers() throws Exception {
    ObjectNode big = THREE.get(0).deepCopy();
    big.putObject("responseElements").put("blob", "x".repeat(300_000));
    String text =
        Json.MAPPER.writeValueAsString(big)
            + "\n"
            + Json.MAPPER.writeValueAsString(THREE.get(1))
            + "\n"
            + Json.MAPPER.writeValueAsString(big)
            + "\n";
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);

    for (byte[] stored : List.of(plain, gzip(plain))) {
      Result result = read(stored);

      assertThat(result.events).extracting(e -> e.origin().line()).containsExactly(1L, 2L, 3L);
      assertCounts(result.summary, 3, 3, 0);
    }
  }

  @Test
  void lookupEventsLines() throws Exception {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("EventName", "GetObject");
    item.put("EventTime", "2024-03-01 20:15:02+11:00");
    item.put("CloudTrailEvent", Json.MAPPER.writeValueAsString(THREE.get(0)));
    ObjectNode broken = item.deepCopy();
    broken.put("CloudTrailEvent", "{\"eventTime\":");
    String text =
        Json.MAPPER.writeValueAsString(item) + "\n" + Json.MAPPER.writeValueAsString(broken);

    Result result = read(text.getBytes(StandardCharsets.UTF_8));

    assertThat(result.events).hasSize(1);
    assertThat(result.rejections)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.origin().line()).isEqualTo(2);
              assertThat(r.reason()).contains("CloudTrailEvent");
            });
    assertCounts(result.summary, 2, 1, 1);
  }

  @Test
  void truncatedDocumentKeepsWhatCameBeforeTheCut() throws Exception {
    String whole = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(wrapper());
    String cut = whole.substring(0, whole.lastIndexOf("\"eventName\""));

    Result result = read(cut.getBytes(StandardCharsets.UTF_8));

    assertThat(result.events).hasSize(2);
    assertThat(result.rejections)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).contains("malformed JSON");
              assertThat(r.origin().line()).isGreaterThan(1);
            });
    assertCounts(result.summary, 3, 2, 1);
  }

  @Test
  void nonJsonFileIsOneRejection() throws Exception {
    byte[] text = "2024-03-01 09:15:02 INFO started\nnot json\n".getBytes(StandardCharsets.UTF_8);

    Result result = read(text);

    assertThat(result.events).isEmpty();
    assertThat(result.rejections)
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("not a JSON audit log"));
    assertCounts(result.summary, 1, 0, 1);
  }

  @Test
  void emptyFileHasNothing() throws Exception {
    Result result = read(new byte[0]);

    assertThat(result.events).isEmpty();
    assertThat(result.rejections).isEmpty();
    assertCounts(result.summary, 0, 0, 0);
    assertThat(result.summary.bytes()).isZero();
  }

  @Test
  void digestIsOfTheStoredBytes() throws Exception {
    byte[] stored = gzip(Json.MAPPER.writeValueAsBytes(wrapper()));
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));

    Result result = read(stored);

    assertThat(result.summary.sha256()).isEqualTo(expected);
    assertThat(result.summary.bytes()).isEqualTo(stored.length);
  }

  @Test
  void digestCoversBytesAfterTheLastRecord() throws Exception {
    byte[] stored =
        (Json.MAPPER.writeValueAsString(wrapper()) + "\n\n   \n").getBytes(StandardCharsets.UTF_8);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));

    assertThat(read(stored).summary.sha256()).isEqualTo(expected);
  }

  @Test
  void documentFileIsHashedWhollyAfterTheParserMeetsItsEnd(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("records.json");
    byte[] stored = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(THREE);
    Files.write(file, stored);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));

    Result result;
    try (InputStream in = Files.newInputStream(file)) {
      result = read(file.toString(), in);
    }

    assertThat(result.events).hasSize(3);
    assertThat(result.summary.sha256()).isEqualTo(expected);
    assertThat(result.summary.bytes()).isEqualTo(stored.length);
  }

  @Test
  void recordOfNoKnownFormatIsRejectedWithItsKeys() throws Exception {
    String text = Json.MAPPER.writeValueAsString(THREE.get(0)) + "\n{\"hello\":\"world\"}\n";

    Result result = read(text.getBytes(StandardCharsets.UTF_8));

    assertThat(result.rejections)
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("hello"));
    assertCounts(result.summary, 2, 1, 1);
  }

  private static JsonNode wrapper() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.putArray("Records").addAll(THREE);
    return root;
  }

  /** Checks the figures and that the summary's two identities hold. */
  private static void assertCounts(FileSummary summary, long read, long parsed, long rejected) {
    assertThat(summary.read()).isEqualTo(read);
    assertThat(summary.parsed()).isEqualTo(parsed);
    assertThat(summary.rejected()).isEqualTo(rejected);
    assertThat(summary.read())
        .isEqualTo(summary.parsed() + summary.rejected() + summary.filtered());
    assertThat(summary.parsed())
        .isEqualTo(summary.nonHuman() + summary.human() + summary.service());
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    }
    return out.toByteArray();
  }

  static Result read(byte[] stored) throws IOException {
    return read("input.json", new ByteArrayInputStream(stored));
  }

  static Result read(String path, InputStream stored) throws IOException {
    Result result = new Result();
    try (LogFileReader reader = LogFileReader.open(path, stored, ParserRegistry.defaults())) {
      for (IngestItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof IngestItem.Event e) {
          result.events.add(e.event());
        } else if (item instanceof IngestItem.Reject r) {
          result.rejections.add(r.rejection());
        } else if (item instanceof IngestItem.Summary s) {
          result.summary = s.summary();
        }
      }
    }
    return result;
  }

  /** Everything one file yielded. */
  static final class Result {
    final List<AccessEvent> events = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    FileSummary summary;
  }
}
