package org.nhiaudit.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file with a header line, each turned into a JSON object keyed by the header, so
 * that CSV exports reach the same record parsers as JSON. Empty cells are left out, so a parser
 * reports them as missing fields. A row whose field count differs from the header's is handed back
 * as a problem instead of an object.
 */
final class CsvRows {

  private final CSVParser parser;
  private final Iterator<CSVRecord> rows;
  private final List<String> header;

  CsvRows(Reader reader) throws IOException {
    this.parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .get()
            .parse(reader);
    this.rows = parser.iterator();
    this.header = parser.getHeaderNames();
  }

  /** One row: its first line, and either the object or the reason it could not be read. */
  record Row(long line, ObjectNode node, String problem) {}

  /**
   * The next row, or null at the end.
   *
   * @throws IOException when the CSV syntax breaks (an unclosed quote), leaving no safe resume
   */
  Row next() throws IOException {
    long line = parser.getCurrentLineNumber() + 1;
    CSVRecord row;
    try {
      if (!rows.hasNext()) {
        return null;
      }
      row = rows.next();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (row.size() != header.size()) {
      return new Row(
          line,
          null,
          "malformed CSV row: " + row.size() + " fields, the header has " + header.size());
    }
    ObjectNode node = Json.MAPPER.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      if (!row.get(i).isEmpty()) {
        node.put(header.get(i), row.get(i));
      }
    }
    return new Row(line, node, null);
  }

  /** Whether {@code line} looks like a header of the generic format's CSV form. */
  static boolean isGenericHeader(String line) {
    if (line == null) {
      return false;
    }
    List<String> names = List.of(line.strip().split("\\s*,\\s*"));
    return names.contains("time") && names.contains("identity") && names.contains("action");
  }
}
