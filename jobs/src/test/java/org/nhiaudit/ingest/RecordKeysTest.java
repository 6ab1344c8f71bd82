package org.nhiaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.cloudtrail.CloudTrailParser;
import org.nhiaudit.model.Origin;

class RecordKeysTest {

  @Test
  void wholeRecordAbsorbsEverything() {
    assertThat(RecordKeys.all().and("a").isAll()).isTrue();
    assertThat(RecordKeys.of("a").union(RecordKeys.all())).isEqualTo(RecordKeys.all());
    assertThat(RecordKeys.all().get("anything")).isEqualTo(RecordKeys.all());
  }

  @Test
  void unionKeepsEitherSideAndWidensNarrowedKeys() {
    RecordKeys left = RecordKeys.of("a").and("n", RecordKeys.of("x")).and("w", RecordKeys.of("y"));
    RecordKeys right = RecordKeys.of("b").and("n", RecordKeys.of("z")).and("w");

    RecordKeys union = left.union(right);

    assertThat(union.keys()).containsExactlyInAnyOrder("a", "b", "n", "w");
    assertThat(union.get("n")).isEqualTo(RecordKeys.of("x", "z"));
    assertThat(union.get("w").isAll()).isTrue();
    assertThat(union.get("c")).isNull();
    assertThat(union).isEqualTo(right.union(left));
    assertThat(union.toString()).isEqualTo("{a, b, n {x, z}, w}");
  }

  @Test
  void noneKeepsNoKey() {
    assertThat(RecordKeys.none().isAll()).isFalse();
    assertThat(RecordKeys.none().get("a")).isNull();
    assertThat(RecordKeys.of().keys()).isEmpty();
  }

  @Test
  void registryReadsTheUnionOfItsParsers() {
    RecordParser a = new Parser("a", RecordKeys.of("x").and("n", RecordKeys.of("y")));
    RecordParser b = new Parser("b", RecordKeys.of("z").and("n", RecordKeys.of("w")));
    RecordParser whole = new Parser("whole", null);

    ParserRegistry both = ParserRegistry.of(List.of(a, b));

    assertThat(both.reads()).isEqualTo(RecordKeys.of("x", "z").and("n", RecordKeys.of("y", "w")));
    assertThat(both.forcing("a").reads()).isEqualTo(a.reads());
    assertThat(ParserRegistry.of(List.of(a, whole)).reads().isAll()).isTrue();
    assertThat(ParserRegistry.of(List.of(a, whole)).forcing("a").reads().isAll()).isFalse();
  }

  @Test
  void registryReadsWhatItsParsersRead() {
    RecordKeys defaults = ParserRegistry.defaults().reads();

    assertThat(defaults.isAll()).isFalse();
    assertThat(defaults.get("responseElements")).isNull();
    assertThat(defaults.get("requestParameters").keys())
        .containsExactlyInAnyOrder(
            "bucketName",
            "roleName",
            "userName",
            "groupName",
            "functionName",
            "roleArn",
            "policyArn",
            "secretId");
    assertThat(ParserRegistry.forFormat("cloudtrail").reads())
        .isEqualTo(new CloudTrailParser().reads());
    assertThat(ParserRegistry.forFormat("okta").reads().get("eventVersion")).isNull();
  }

  @Test
  void aParserThatDeclaresNothingGetsWholeRecords() throws IOException {
    RecordParser custom = new WholeRecordParser();
    ParserRegistry registry =
        ParserRegistry.of(List.of(new CloudTrailParser(), custom)).forcing("custom");
    assertThat(ParserRegistry.of(List.of(new CloudTrailParser(), custom)).reads().isAll()).isTrue();
    assertThat(registry.reads().isAll()).isTrue();

    String text = "{\"custom\":true,\"responseElements\":{\"secret\":\"kept\"}}\n";
    List<IngestItem> items = new ArrayList<>();
    try (LogFileReader reader =
        LogFileReader.open(
            "custom.json",
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            registry)) {
      for (IngestItem item = reader.next(); item != null; item = reader.next()) {
        items.add(item);
      }
    }

    assertThat(items.get(0))
        .isEqualTo(
            new IngestItem.Reject(
                new Rejection(new Origin("custom.json", 1, 0), "saw {\"secret\":\"kept\"}")));
  }

  /** A parser that reads {@code reads}, or, when that is null, declares nothing. */
  private record Parser(String format, RecordKeys declared) implements RecordParser {
    @Override
    public boolean accepts(JsonNode record) {
      return false;
    }

    @Override
    public ParseOutcome parse(JsonNode record, Origin origin) {
      return ParseOutcome.rejected("never");
    }

    @Override
    public RecordKeys reads() {
      return declared == null ? RecordParser.super.reads() : declared;
    }
  }

  /** A parser of a user's own, which reads whatever it likes and so declares nothing. */
  private static final class WholeRecordParser implements RecordParser {
    @Override
    public String format() {
      return "custom";
    }

    @Override
    public boolean accepts(JsonNode record) {
      return record.has("custom");
    }

    @Override
    public ParseOutcome parse(JsonNode record, Origin origin) {
      return ParseOutcome.rejected("saw " + record.get("responseElements"));
    }
  }
}
