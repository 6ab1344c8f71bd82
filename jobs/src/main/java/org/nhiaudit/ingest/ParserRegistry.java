package org.nhiaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The known record parsers, asked in order. With a forced format only that parser is asked, and a
 * record it does not accept is rejected rather than offered to the others.
 */
public final class ParserRegistry implements Serializable {

  private final List<RecordParser> parsers;
  private final boolean forced;
  private final RecordKeys reads;

  private ParserRegistry(List<RecordParser> parsers, boolean forced) {
    this.parsers = List.copyOf(parsers);
    this.forced = forced;
    RecordKeys union = RecordKeys.none();
    for (RecordParser parser : this.parsers) {
      union = union.union(parser.reads());
    }
    this.reads = union;
  }

  /** Every parser, asked in the order given. */
  public static ParserRegistry of(List<RecordParser> parsers) {
    return new ParserRegistry(parsers, false);
  }

  /** Every parser the project ships, in detection order. */
  public static ParserRegistry defaults() {
    return of(KnownFormats.parsers());
  }

  /**
   * Every parser the project ships, or only the one named {@code format} when it is not null.
   *
   * @throws IllegalArgumentException naming the known formats when {@code format} is not one
   */
  public static ParserRegistry forFormat(String format) {
    return format == null ? defaults() : defaults().forcing(format);
  }

  /**
   * Only the parser whose {@link RecordParser#format()} is {@code format}.
   *
   * @throws IllegalArgumentException naming the known formats when {@code format} is not one
   */
  public ParserRegistry forcing(String format) {
    for (RecordParser parser : parsers) {
      if (parser.format().equals(format)) {
        return new ParserRegistry(List.of(parser), true);
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + format + "'; known formats: " + String.join(", ", formats()));
  }

  /**
   * Every part of a record that any of the parsers asked may read: the union of their {@link
   * RecordParser#reads()}, and so the whole record as soon as one of them needs it.
   */
  public RecordKeys reads() {
    return reads;
  }

  public List<String> formats() {
    return parsers.stream().map(RecordParser::format).collect(Collectors.toList());
  }

  /** The parser for {@code record}, or null when none recognises it. */
  public RecordParser find(JsonNode record) {
    if (forced) {
      RecordParser only = parsers.get(0);
      return only.accepts(record) ? only : null;
    }
    for (RecordParser parser : parsers) {
      if (parser.accepts(record)) {
        return parser;
      }
    }
    return null;
  }

  /** A short description of why no parser took {@code record}, for the dead-letter reason. */
  public String unrecognised(JsonNode record) {
    List<String> keys = PrunedRecord.keysOf(record);
    String shown =
        keys.size() > 8 ? String.join(",", keys.subList(0, 8)) + ",..." : String.join(",", keys);
    String expected = forced ? "a " + parsers.get(0).format() + " record" : "a known audit record";
    return "not " + expected + " (top-level keys: " + (shown.isEmpty() ? "none" : shown) + ")";
  }
}
