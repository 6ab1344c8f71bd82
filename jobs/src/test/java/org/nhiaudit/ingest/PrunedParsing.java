package org.nhiaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.nhiaudit.model.Origin;

/**
 * For parser tests that hand records to a parser directly: parses each record both whole and built
 * only from what the parser declares it reads, and fails when the two outcomes differ.
 */
public final class PrunedParsing {

  private PrunedParsing() {}

  /** The outcome for {@code record}, after checking that the pruned record gives the same. */
  public static ParseOutcome parse(RecordParser parser, JsonNode record, Origin origin) {
    ParseOutcome whole = parser.parse(record, origin);
    JsonNode pruned = prune(record, parser.reads());
    assertThat(parser.accepts(pruned))
        .as("accepts, pruned to %s", parser.reads())
        .isEqualTo(parser.accepts(record));
    assertThat(parser.parse(pruned, origin))
        .as("outcome, pruned to %s", parser.reads())
        .isEqualTo(whole);
    return whole;
  }

  /** {@code record} as the file reader builds it when only {@code keys} are read. */
  public static JsonNode prune(JsonNode record, RecordKeys keys) {
    if (keys.isAll()) {
      return record;
    }
    try (JsonParser p = Json.MAPPER.createParser(Json.MAPPER.writeValueAsBytes(record))) {
      p.nextToken();
      return new PrunedTreeReader(keys, Set.of()).record(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
