package org.nhiaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nhiaudit.model.AccessEvent;
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

  /** A CloudTrail record whose {@code responseElements}, never read, is {@code response}. */
  private static String cloudTrail(String name, String response) {
    return """
        {"eventVersion":"1.08","userIdentity":{"type":"IAMUser",
        "arn":"arn:aws:iam::111122223333:user/ci","accountId":"111122223333",
        "accessKeyId":"AKIAEXAMPLEKEY000001"},"eventTime":"2024-03-01T08:00:00Z",
        "eventSource":"s3.amazonaws.com","eventName":"%s","awsRegion":"eu-west-1",
        "requestParameters":{"bucketName":"b","key":"k"},"responseElements":%s,
        "requestID":"r","eventID":"e","recipientAccountId":"111122223333"}"""
        .formatted(name, response);
  }

  /** Malformed JSON that the default parsers' pruning passes over without building. */
  static Stream<Arguments> malformedInsideSkippedValue() {
    return Stream.of(
        Arguments.of("missing comma", "{\"a\":\"x\" \"b\":\"y\"}"),
        Arguments.of("bad literal", "{\"a\":tru}"),
        Arguments.of("bad escape", "{\"a\":\"bad \\q escape\"}"),
        Arguments.of("control character", "{\"a\":\"tab\there\"}"),
        Arguments.of("leading zero", "{\"a\":012}"),
        Arguments.of("not a number", "{\"a\":NaN}"),
        Arguments.of("wrong closer", "{\"a\":[1,2}}"),
        Arguments.of("unquoted key", "{a:1}"),
        Arguments.of("bad UTF-8", "{\"a\":\"\u0000INVALID\u0000\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedInsideSkippedValue")
  void syntaxErrorInsideASkippedValueIsFoundOnTheSameLine(String what, String bad)
      throws IOException {
    String good1 = cloudTrail("First", "{\"ok\":[1,2,3]}").replace("\n", "");
    String good3 = cloudTrail("Third", "null").replace("\n", "");
    String broken = cloudTrail("Second", "\n" + bad + "\n");
    for (String container : List.of("wrapper", "array", "lines", "restOfObject")) {
      String text =
          switch (container) {
            case "wrapper" -> "{\"Records\":[\n" + good1 + ",\n" + broken + ",\n" + good3 + "]}";
            case "array" -> "[\n" + good1 + ",\n" + broken + ",\n" + good3 + "]";
            case "lines" -> good1 + "\n" + broken.replace("\n", "") + "\n" + good3 + "\n";
            default -> "{\"n\":3,\"Records\":[\n" + good1 + ",\n" + broken + ",\n" + good3 + "]}";
          };
      byte[] bytes = invalidUtf8(text.getBytes(StandardCharsets.UTF_8));
      ParserRegistry registry = ParserRegistry.defaults();

      List<Object> whole = read(bytes, registry, false);
      List<Object> pruned = read(bytes, registry, true);

      assertThat(pruned).as("%s in %s", what, container).isEqualTo(whole);
      List<Rejection> rejections =
          pruned.stream()
              .filter(IngestItem.Reject.class::isInstance)
              .map(i -> ((IngestItem.Reject) i).rejection())
              .toList();
      if (container.equals("lines") && what.equals("bad UTF-8")) {
        // JSON lines are decoded as text first, which replaces the broken bytes: no error at all
        assertThat(rejections).isEmpty();
        continue;
      }
      long badLine =
          container.equals("lines") ? 2 : text.lines().takeWhile(l -> !l.equals(bad)).count() + 1;
      assertThat(rejections)
          .as("%s in %s", what, container)
          .singleElement()
          .satisfies(r -> assertThat(r.origin().line()).isEqualTo(badLine))
          .satisfies(r -> assertThat(r.reason()).contains("malformed JSON"));
    }
  }

  @Test
  void truncatedInsideASkippedValueIsRejectedAlike() throws IOException {
    String whole =
        "{\"Records\":[\n"
            + cloudTrail("First", "null").replace("\n", "")
            + ",\n"
            + cloudTrail("Second", "{\"a\":\n[1,2,\n{\"b\":\"cut here\"}]}")
            + "]}";
    String text = whole.substring(0, whole.indexOf("cut here") + 3);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    List<Object> pruned = read(bytes, ParserRegistry.defaults(), true);

    assertThat(pruned).isEqualTo(read(bytes, ParserRegistry.defaults(), false));
    assertThat(pruned).hasSize(3);
    assertThat(((IngestItem.Reject) pruned.get(1)).rejection().origin().line())
        .isEqualTo(text.lines().count());
  }

  @Test
  void tooDeepInsideASkippedValueFailsAlike() throws IOException {
    String deep = "[".repeat(1_200) + "]".repeat(1_200);
    byte[] bytes =
        ("{\"Records\":[" + cloudTrail("Deep", deep) + "]}").getBytes(StandardCharsets.UTF_8);

    List<Object> pruned = read(bytes, ParserRegistry.defaults(), true);

    assertThat(pruned).isEqualTo(read(bytes, ParserRegistry.defaults(), false));
    assertThat(pruned.toString()).contains("nesting depth");
  }

  @Test
  void wrapperObjectsAreFoundWhereverTheirKeyIs() throws IOException {
    String one = cloudTrail("One", "{\"x\":1}").replace("\n", "");
    String two = cloudTrail("Two", "{\"x\":2}").replace("\n", "");
    List<String> files =
        List.of(
            // a document whose wrapper key is not the first: read as one object, then expanded
            "{\"meta\":{\"count\":2},\n\"records\":[\n" + one + ",\n" + two + "],\"end\":true}",
            // JSON lines of wrapper objects whose first key is not the wrapper key
            "{\"count\":2,\"value\":["
                + one
                + ","
                + two
                + "]}\n{\"count\":1,\"value\":["
                + one
                + "]}\n",
            // concatenated documents, each a wrapper
            "{\"Records\":[" + one + "]}\n{\"logs\":[" + two + "],\"more\":[1]}\n",
            // a wrapper key that does not hold an array, and one that does
            "{\"events\":\"none\",\n\"items\":[" + one + "]}");
    for (String file : files) {
      byte[] bytes = file.getBytes(StandardCharsets.UTF_8);

      List<Object> pruned = read(bytes, ParserRegistry.defaults(), true);

      assertThat(pruned).as(file).isEqualTo(read(bytes, ParserRegistry.defaults(), false));
      assertThat(pruned).as(file).allMatch(i -> !(i instanceof IngestItem.Reject));
      assertThat(pruned.stream().filter(IngestItem.Event.class::isInstance)).isNotEmpty();
    }
  }

  @Test
  void concatenatedRecordsKeepTheirLinesAndIndexes() throws IOException {
    String one = cloudTrail("One", "{\"x\":1}");
    String text = one + "\n" + one.replace("One", "Two") + "\n[" + one + ",\n" + one + "]";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    List<Object> pruned = read(bytes, ParserRegistry.defaults(), true);

    assertThat(pruned).isEqualTo(read(bytes, ParserRegistry.defaults(), false));
    assertThat(pruned)
        .filteredOn(IngestItem.Event.class::isInstance)
        .extracting(i -> ((IngestItem.Event) i).event())
        .extracting(AccessEvent::action, e -> e.origin().index())
        .containsExactly(
            tuple("s3:One", 0L), tuple("s3:Two", 1L), tuple("s3:One", 2L), tuple("s3:One", 3L));
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

  /** Replaces the NUL markers around {@code INVALID} with a broken two-byte sequence. */
  private static byte[] invalidUtf8(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        bytes[i] = (byte) (i % 2 == 0 ? 0xC3 : 0xE2);
      }
    }
    return bytes;
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
