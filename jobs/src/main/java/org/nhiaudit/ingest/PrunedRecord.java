package org.nhiaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A record built without the keys no parser reads, which still knows every top-level key the record
 * had, so that a dead letter naming a record's keys names the same ones as for the whole record.
 * Equal to any object with the same keys and values.
 */
final class PrunedRecord extends ObjectNode {

  private static final long serialVersionUID = 1L;

  /** Every top-level key as met, kept or not, repeats included. */
  private final List<String> keysAsRead = new ArrayList<>(24);

  /**
   * Sized for the keys a record keeps, usually a dozen or two, so that its map is not rebuilt
   * halfway through the record as one of the default size would be.
   */
  PrunedRecord(JsonNodeFactory nodes) {
    super(nodes, new LinkedHashMap<>(32));
  }

  void noteKey(String key) {
    keysAsRead.add(key);
  }

  /**
   * The distinct top-level keys of {@code record} in the order they first appeared, including keys
   * a pruned record left out.
   */
  static List<String> keysOf(JsonNode record) {
    if (record instanceof PrunedRecord pruned) {
      return List.copyOf(new LinkedHashSet<>(pruned.keysAsRead));
    }
    List<String> keys = new ArrayList<>();
    record.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
