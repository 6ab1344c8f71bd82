package org.nhiaudit.ingest;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parts of a JSON record that a parser may read: a set of keys, each either kept whole or, when
 * its value is an object, narrowed to some of that object's own keys, to any depth. {@link #all()}
 * is the whole record.
 *
 * <p>A reader that knows what its parsers read can leave everything else out of the tree it builds
 * (see {@link RecordParser#reads()}). Narrowing only ever applies to objects: a narrowed key whose
 * value is an array, a string (such as an object stored as JSON text) or a number is kept whole. A
 * key narrowed to {@link #none()} is kept with an object emptied of its keys, which is enough for
 * parsers that only ask whether it is there.
 *
 * <p>Immutable; the building methods return new selections.
 */
public final class RecordKeys implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final RecordKeys ALL = new RecordKeys(null);
  private static final RecordKeys NONE = new RecordKeys(Map.of());

  /** What of each key's value is read; null for everything. */
  private final Map<String, RecordKeys> keys;

  private RecordKeys(Map<String, RecordKeys> keys) {
    this.keys = keys;
  }

  /** Everything: the record is kept whole. */
  public static RecordKeys all() {
    return ALL;
  }

  /** No key at all; narrowed to this, an object keeps none of its keys. */
  public static RecordKeys none() {
    return NONE;
  }

  /** Only {@code keys}, each kept whole. */
  public static RecordKeys of(String... keys) {
    return NONE.and(keys);
  }

  /** These keys and {@code more}, each of those kept whole. */
  public RecordKeys and(String... more) {
    RecordKeys result = this;
    for (String key : more) {
      result = result.and(key, ALL);
    }
    return result;
  }

  /** These keys and {@code key}, whose value, when it is an object, is narrowed to {@code part}. */
  public RecordKeys and(String key, RecordKeys part) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(part, "part");
    if (isAll()) {
      return this;
    }
    Map<String, RecordKeys> merged = new HashMap<>(keys);
    merged.merge(key, part, RecordKeys::union);
    // A HashMap, not Map.copyOf: it is asked once for every key of every record read, and finds a
    // parser's interned key names by identity before it compares any text.
    return new RecordKeys(Collections.unmodifiableMap(merged));
  }

  /** Everything either selection reads. */
  public RecordKeys union(RecordKeys other) {
    if (isAll() || other.isAll()) {
      return ALL;
    }
    RecordKeys result = this;
    for (Map.Entry<String, RecordKeys> entry : other.keys.entrySet()) {
      result = result.and(entry.getKey(), entry.getValue());
    }
    return result;
  }

  /** Whether this is the whole record. */
  public boolean isAll() {
    return keys == null;
  }

  /**
   * What of the value under {@code key} is read: {@link #all()} when it is kept whole, a narrower
   * selection when it is narrowed, null when it is not read at all.
   */
  public RecordKeys get(String key) {
    return keys == null ? ALL : keys.get(key);
  }

  /** The keys named at this level; empty for {@link #all()}, which names none. */
  public Set<String> keys() {
    return keys == null ? Set.of() : keys.keySet();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordKeys other && Objects.equals(keys, other.keys);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(keys);
  }

  /** {@code *} for everything, else the keys in order, narrowed ones with their part in braces. */
  @Override
  public String toString() {
    if (keys == null) {
      return "*";
    }
    StringBuilder out = new StringBuilder("{");
    new TreeMap<>(keys)
        .forEach(
            (key, part) -> {
              out.append(out.length() > 1 ? ", " : "").append(key);
              if (!part.isAll()) {
                out.append(' ').append(part);
              }
            });
    return out.append('}').toString();
  }
}
