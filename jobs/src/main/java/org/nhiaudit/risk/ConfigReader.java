package org.nhiaudit.risk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads typed values from the effective configuration tree, one section at a time. A bad value is
 * recorded as a problem naming the full key and the value, and the documented default is returned
 * in its place so that reading can go on and every problem is reported together.
 */
final class ConfigReader {

  private final JsonNode effective;
  private final JsonNode defaults;
  private final String path;
  private final List<String> problems;

  private ConfigReader(JsonNode effective, JsonNode defaults, String path, List<String> problems) {
    this.effective = effective;
    this.defaults = defaults;
    this.path = path;
    this.problems = problems;
  }

  static ConfigReader root(JsonNode effective, JsonNode defaults) {
    return new ConfigReader(effective, defaults, "", new ArrayList<>());
  }

  /** The reader of a nested section, e.g. {@code section("risk").section("factors")}. */
  ConfigReader section(String key) {
    return new ConfigReader(effective.path(key), defaults.path(key), key(key), problems);
  }

  /** The full dotted key of {@code key} in this section. */
  String key(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A whole number of days, at least 1. */
  int days(String key) {
    return whole(key, 1, Integer.MAX_VALUE, "a positive number of days");
  }

  /** A whole number of points from 0 to 100. */
  int points(String key) {
    return whole(key, 0, 100, "a whole number of points from 0 to 100");
  }

  /** A whole number, at least 1. */
  int count(String key) {
    return whole(key, 1, Integer.MAX_VALUE, "a positive whole number");
  }

  /** A number from 0 to 1, both included. */
  double share(String key) {
    JsonNode node = effective.path(key);
    if (node.isNumber() && node.asDouble() >= 0 && node.asDouble() <= 1) {
      return node.asDouble();
    }
    reject(key, "a share from 0 to 1", node);
    return defaults.path(key).asDouble();
  }

  /** A list of non-empty text values; the list itself may be empty. */
  List<String> texts(String key) {
    JsonNode node = effective.path(key);
    Predicate<JsonNode> text = n -> n.isTextual() && !n.asText().isBlank();
    List<String> values = new ArrayList<>();
    boolean valid = node.isArray();
    for (JsonNode element : node) {
      valid &= text.test(element);
      values.add(element.asText());
    }
    if (valid) {
      return List.copyOf(values);
    }
    reject(key, "a list of non-empty text values", node);
    List<String> fallback = new ArrayList<>();
    defaults.path(key).forEach(n -> fallback.add(n.asText()));
    return List.copyOf(fallback);
  }

  /** Records that {@code key} is not below {@code upperKey}, both in this section. */
  void requireBelow(String key, int value, String upperKey, int upper) {
    if (value >= upper) {
      problems.add(key(key) + " must be below " + key(upperKey) + " (" + upper + "), was " + value);
    }
  }

  /** Records a problem found by a check that spans several keys. */
  void problem(String sentence) {
    problems.add(sentence);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  /** A whole number from {@code min} to {@code max}; {@code expected} words the rule. */
  int whole(String key, int min, int max, String expected) {
    JsonNode node = effective.path(key);
    if (node.isIntegralNumber()
        && node.canConvertToInt()
        && node.asInt() >= min
        && node.asInt() <= max) {
      return node.asInt();
    }
    reject(key, expected, node);
    return defaults.path(key).asInt();
  }

  private void reject(String key, String expected, JsonNode node) {
    problems.add(key(key) + " must be " + expected + ", was " + shown(node));
  }

  /** The value as the user wrote it, near enough: scalars bare, structures as JSON. */
  static String shown(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "empty";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
