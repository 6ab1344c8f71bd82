package org.nhiaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nhiaudit.model.Origin;

/** The pruning record reader alone, and {@link LogFileReader} with and without it. */
class PrunedTreeReaderTest {

  private static final RecordKeys KEYS =
      RecordKeys.of("text", "int", "long", "big", "float", "yes", "no", "nil", "list", "whole")
          .and("narrow", RecordKeys.of("keep", "list").and("inner", RecordKeys.of("x", "missing")))
          .and("present", RecordKeys.none());

  private static final String RECORD =
      """
      {"skipped":{"a":[1,2,{"b":"c"}],"d":"e"},"text":"t\\u00e9xt","int":42,
       "long":12345678901234,"big":123456789012345678901234567890,"float":1.5e3,
       "yes":true,"no":false,"nil":null,"list":[1,"two",{"three":3}],"skippedToo":"x",
       "whole":{"a":{"b":[1,2]},"c":null},
       "narrow":{"keep":"k","drop":{"deep":[1,2,3]},"inner":{"x":1,"y":2},"list":[{"z":1}]},
       "present":{"lots":"of","things":["here"]},"last":[[]]}
      """;

  private static final String RECORD_KEPT =
      """
      {"text":"t\\u00e9xt","int":42,"long":12345678901234,
       "big":123456789012345678901234567890,"float":1.5e3,"yes":true,"no":false,"nil":null,
       "list":[1,"two",{"three":3}],"whole":{"a":{"b":[1,2]},"c":null},
       "narrow":{"keep":"k","inner":{"x":1},"list":[{"z":1}]},"present":{}}
      """;

  @Test
  void skippedKeysAreAbsentAndKeptOnesEqualTheWholeTree() throws IOException {
    for (JsonParser parser : parsers(RECORD)) {
      JsonNode pruned = readRecord(parser, KEYS);

      assertThat(pruned).isEqualTo(Json.MAPPER.readTree(RECORD_KEPT));
      assertThat(pruned.has("skipped")).isFalse();
      assertThat(pruned.has("skippedToo")).isFalse();
      assertThat(pruned.has("last")).isFalse();
      assertThat(pruned.get("narrow").has("drop")).isFalse();
      assertThat(pruned.get("narrow").get("inner").has("y")).isFalse();
      JsonNode whole = Json.MAPPER.readTree(RECORD);
      for (String key : List.of("int", "long", "big", "float", "text", "nil")) {
        assertThat(pruned.get(key).getClass()).isEqualTo(whole.get(key).getClass());
        assertThat(pruned.get(key)).isEqualTo(whole.get(key));
      }
    }
  }

  @Test
  void narrowedValuesThatAreNotObjectsAreKeptWhole() throws IOException {
    String record =
        """
        {"narrow":[{"keep":1,"drop":2}],"present":"text","other":1}
        """;
    for (JsonParser parser : parsers(record)) {
      JsonNode pruned = readRecord(parser, KEYS);

      assertThat(pruned)
          .isEqualTo(
              Json.MAPPER.readTree("{\"narrow\":[{\"keep\":1,\"drop\":2}],\"present\":\"text\"}"));
    }
  }

  @Test
  void childSelectionsNestToAnyDepth() throws IOException {
    RecordKeys keys =
        RecordKeys.of("top")
            .and(
                "a",
                RecordKeys.of("keep").and("b", RecordKeys.none().and("c", RecordKeys.of("d"))));
    String record =
        """
        {"top":1,"a":{"keep":2,"drop":3,"b":{"drop":4,"c":{"d":5,"e":6}}},"z":7}
        """;

    JsonNode pruned = readRecord(parsers(record).get(0), keys);

    assertThat(pruned)
        .isEqualTo(Json.MAPPER.readTree("{\"top\":1,\"a\":{\"keep\":2,\"b\":{\"c\":{\"d\":5}}}}"));
  }

  @Test
  void repeatedKeyKeepsItsLastValueInItsFirstPlace() throws IOException {
    String record = "{\"text\":\"first\",\"skipped\":1,\"int\":1,\"text\":\"second\"}";

    JsonNode pruned = readRecord(parsers(record).get(0), KEYS);

    assertThat(pruned).isEqualTo(((ObjectNode) Json.MAPPER.readTree(record)).without("skipped"));
    assertThat(List.of(pruned.fieldNames().next(), pruned.get("text").asText()))
        .containsExactly("text", "second");
    assertThat(PrunedRecord.keysOf(pruned)).containsExactly("text", "skipped", "int");
  }

  @Test
  void anythingButAnObjectIsARecordBuiltWhole() throws IOException {
    for (String value : List.of("[1,{\"a\":2}]", "\"text\"", "12", "null", "true")) {
      JsonNode pruned = readRecord(parsers(value).get(0), KEYS);

      assertThat(pruned).isEqualTo(Json.MAPPER.readTree(value));
    }
  }

  @Test
  void fileReaderHandsParsersOnlyWhatTheyRead() throws IOException {
    String text = "{\"hello\":1,\"text\":\"y\",\"world\":{\"a\":1}}\n";
    TextParser parser = new TextParser();
    ParserRegistry registry = ParserRegistry.of(List.of(parser));

    List<Object> pruned = read(text.getBytes(StandardCharsets.UTF_8), registry, true);
    List<Object> whole = read(text.getBytes(StandardCharsets.UTF_8), registry, false);

    assertThat(pruned).isEqualTo(whole);
    assertThat(parser.seen)
        .containsExactly(
            Json.MAPPER.readTree("{\"text\":\"y\"}"), Json.MAPPER.readTree(text.strip()));
  }

  @Test
  void deadLetterForAnUnknownRecordNamesTheKeysLeftOut() throws IOException {
    String text = "{\"hello\":1,\"text\":\"x\",\"world\":{\"a\":1},\"hello\":2}\n";
    ParserRegistry registry = ParserRegistry.of(List.of(new TextParser()));

    List<Object> pruned = read(text.getBytes(StandardCharsets.UTF_8), registry, true);

    assertThat(pruned).isEqualTo(read(text.getBytes(StandardCharsets.UTF_8), registry, false));
    assertThat(((IngestItem.Reject) pruned.get(0)).rejection().reason())
        .isEqualTo("not a known audit record (top-level keys: hello,text,world)");
  }

  /** Takes records whose text is y, and keeps those it was handed; reads only {@code text}. */
  private static final class TextParser implements RecordParser {
    final List<JsonNode> seen = new ArrayList<>();

    @Override
    public String format() {
      return "text";
    }

    @Override
    public boolean accepts(JsonNode record) {
      return record.path("text").asText().equals("y");
    }

    @Override
    public ParseOutcome parse(JsonNode record, Origin origin) {
      seen.add(record);
      return ParseOutcome.rejected("text " + record.path("text").asText());
    }

    @Override
    public RecordKeys reads() {
      return RecordKeys.of("text");
    }
  }

  /** The record at the start of {@code parser}'s input. */
  private static JsonNode readRecord(JsonParser parser, RecordKeys keys) throws IOException {
    try (parser) {
      parser.nextToken();
      return new PrunedTreeReader(keys, Set.of()).record(parser);
    }
  }

  /** A byte parser and a text parser over {@code json}, as files and lines are read. */
  private static List<JsonParser> parsers(String json) throws IOException {
    return List.of(
        Json.MAPPER.createParser(json.getBytes(StandardCharsets.UTF_8)),
        Json.MAPPER.createParser(json));
  }

  /** Every item the reader yields, or the failure that ended it, as the last element. */
  private static List<Object> read(byte[] bytes, ParserRegistry registry, boolean prune)
      throws IOException {
    List<Object> items = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(bytes);
        LogFileReader reader = LogFileReader.open("input.json", in, registry, prune)) {
      for (IngestItem item = reader.next(); item != null; item = reader.next()) {
        items.add(item);
      }
    } catch (IOException e) {
      items.add(e.getClass().getName() + ": " + e.getMessage());
    }
    return items;
  }
}
