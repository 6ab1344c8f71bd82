package org.nhiaudit.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import org.nhiaudit.ingest.Json;

/**
 * Small null-safe readers for the JSON shapes audit exports use. Exports disagree on whether a
 * field is absent, null, empty or a number, and some tables store nested objects as JSON text;
 * these helpers flatten those differences so the parsers can stay short.
 */
public final class Fields {

  private Fields() {}

  /**
   * The text at {@code path} under {@code node}, or null when it is absent, null, blank or not a
   * scalar. Numbers and booleans come back as their text.
   */
  public static String text(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  /** The first of {@code values} that is not null. */
  @SafeVarargs
  public static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * The node at {@code path}, decoding any JSON object or array met on the way that was stored as a
   * string (Log Analytics exports do this to nested columns). Never null: a missing node stands for
   * anything absent.
   */
  public static JsonNode at(JsonNode node, String... path) {
    JsonNode current = decoded(node);
    for (String key : path) {
      if (current == null || !current.isObject()) {
        return MissingNode.getInstance();
      }
      current = decoded(current.get(key));
    }
    return current == null ? MissingNode.getInstance() : current;
  }

  /**
   * {@code node} itself, or the JSON it holds when it is a string that starts like an object or
   * array and parses as one. Text that only looks like JSON stays text.
   */
  public static JsonNode decoded(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return node;
    }
    String text = node.asText().strip();
    if (!(text.startsWith("{") || text.startsWith("["))) {
      return node;
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return node;
    }
  }

  /** The first element of an array, the node itself otherwise; used for fields that vary. */
  public static JsonNode firstOf(JsonNode node) {
    if (node != null && node.isArray()) {
      return node.size() == 0 ? MissingNode.getInstance() : node.get(0);
    }
    return node == null ? MissingNode.getInstance() : node;
  }
}
