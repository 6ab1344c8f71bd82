package org.nhiaudit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Builds record trees from a streaming parser, leaving out what no parser reads: the value of a key
 * outside the {@link RecordKeys} is passed over with {@link JsonParser#skipChildren()}, which still
 * tokenizes it (so a syntax error inside it is found where a full read would find it) but creates
 * no nodes, strings or maps for it. Kept values come out exactly as {@link
 * JsonParser#readValueAsTree()} would build them.
 *
 * <p>Like {@code readValueAsTree}, each method starts at the parser's current token and leaves the
 * parser on the last token of the value it read.
 */
final class PrunedTreeReader {

  private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

  private final RecordKeys keys;
  private final Set<String> wrapperKeys;

  /**
   * @param keys what of a record to build; not {@link RecordKeys#all()}, which needs no pruning
   * @param wrapperKeys keys under which a value at the top of a file may hold an array of records
   */
  PrunedTreeReader(RecordKeys keys, Set<String> wrapperKeys) {
    if (keys.isAll()) {
      throw new IllegalArgumentException("nothing to prune: every key is read");
    }
    this.keys = keys;
    this.wrapperKeys = Set.copyOf(wrapperKeys);
  }

  /** One record; an object becomes a {@link PrunedRecord}, anything else is built whole. */
  JsonNode record(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return p.readValueAsTree();
    }
    PrunedRecord record = new PrunedRecord(NODES);
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      record.noteKey(key);
      JsonToken value = p.nextToken();
      RecordKeys part = keys.get(key);
      if (part == null) {
        p.skipChildren();
      } else {
        record.replace(key, value(p, value, part));
      }
    }
    return record;
  }

  /**
   * A value at the top of a file or a line, which may be a record, an array of records, or an
   * object that holds records in an array under a wrapper key. The wrapper arrays are kept, their
   * elements read as records, until the caller has asked the parsers whether the object is itself a
   * record.
   */
  JsonNode topLevel(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_ARRAY) {
      return records(p);
    }
    if (token != JsonToken.START_OBJECT) {
      return p.readValueAsTree();
    }
    PrunedRecord top = new PrunedRecord(NODES);
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      topField(p, top, key, p.nextToken());
    }
    return top;
  }

  /**
   * The rest of a top-level object whose first key, {@code firstKey}, has just been read: the
   * parser is on the first token of that key's value. Reads like {@link #topLevel}.
   */
  JsonNode topLevelFrom(JsonParser p, String firstKey) throws IOException {
    PrunedRecord top = new PrunedRecord(NODES);
    topField(p, top, firstKey, p.currentToken());
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      topField(p, top, key, p.nextToken());
    }
    return top;
  }

  private void topField(JsonParser p, PrunedRecord top, String key, JsonToken value)
      throws IOException {
    top.noteKey(key);
    RecordKeys part = keys.get(key);
    if (part != null) {
      top.replace(key, value(p, value, part));
    } else if (value == JsonToken.START_ARRAY && wrapperKeys.contains(key)) {
      top.replace(key, records(p));
    } else {
      p.skipChildren();
    }
  }

  private ArrayNode records(JsonParser p) throws IOException {
    ArrayNode array = NODES.arrayNode();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
      array.add(record(p));
    }
    return array;
  }

  /** The value at the parser's current token {@code token}, narrowed to {@code part}. */
  private static JsonNode value(JsonParser p, JsonToken token, RecordKeys part) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      case START_OBJECT:
        return part.isAll() ? p.readValueAsTree() : narrowed(p, part);
      default:
        return p.readValueAsTree();
    }
  }

  private static ObjectNode narrowed(JsonParser p, RecordKeys part) throws IOException {
    // sized for the keys it may keep: most narrowed objects keep two or three
    int capacity = Math.min(16, part.keys().size() * 4 / 3 + 1);
    ObjectNode object = new ObjectNode(NODES, new LinkedHashMap<>(capacity));
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      RecordKeys child = part.get(key);
      if (child == null) {
        p.skipChildren();
      } else {
        object.replace(key, value(p, value, child));
      }
    }
    return object;
  }
}
