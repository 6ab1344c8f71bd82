package org.nhiaudit.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.ingest.Rejection;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.Origin;

/**
 * Turns one Kafka message into the items a file of the watched folder yields: its events and
 * rejections, then one {@link IngestItem.Summary} that accounts for the message alone. A message is
 * one JSON audit record, or an object wrapping an array of them under {@code Records} as CloudTrail
 * delivers them.
 *
 * <p>Records are located as {@code topic/partition@offset}, with their index within the message.
 * The summary is named by the partition ({@code topic/partition}); {@link SourceAccounting} adds up
 * the summaries of a partition, so the accounting is per partition rather than per message.
 */
final class KafkaAuditRecords implements KafkaRecordDeserializationSchema<IngestItem> {

  private static final long serialVersionUID = 1L;

  private final ParserRegistry registry;

  KafkaAuditRecords(ParserRegistry registry) {
    this.registry = registry;
  }

  /** The name of the partition a message came from, as its summary is keyed. */
  static String source(String topic, int partition) {
    return topic + "/" + partition;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<IngestItem> out) {
    String source = source(message.topic(), message.partition());
    String location = source + "@" + message.offset();
    Tally tally = new Tally();
    List<JsonNode> records = new ArrayList<>();
    String problem = read(message.value(), records);
    if (problem != null) {
      tally.read++;
      out.collect(tally.reject(new Origin(location, 0, 0), problem));
    }
    for (int i = 0; i < records.size(); i++) {
      IngestItem item = handle(records.get(i), new Origin(location, 0, i), tally);
      if (item != null) {
        out.collect(item);
      }
    }
    long bytes = message.value() == null ? 0 : message.value().length;
    out.collect(new IngestItem.Summary(tally.summary(source, bytes)));
  }

  /** Fills {@code records} from the message; returns why it could not, or null. */
  private static String read(byte[] value, List<JsonNode> records) {
    if (value == null || value.length == 0) {
      return "empty message";
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(value);
    } catch (JsonProcessingException e) {
      return "malformed JSON message: " + e.getOriginalMessage();
    } catch (IOException e) {
      return "unreadable message: " + e.getMessage();
    }
    if (root == null || !root.isObject()) {
      return "not a JSON object: " + (root == null ? "nothing" : root.getNodeType());
    }
    JsonNode batch = root.get("Records");
    if (batch != null && batch.isArray() && root.size() == 1) {
      batch.forEach(records::add);
    } else {
      records.add(root);
    }
    return null;
  }

  private IngestItem handle(JsonNode record, Origin origin, Tally tally) {
    tally.read++;
    RecordParser parser = registry.find(record);
    if (parser == null) {
      return tally.reject(origin, registry.unrecognised(record));
    }
    tally.formats.add(parser.format());
    ParseOutcome outcome;
    try {
      outcome = parser.parse(record, origin);
    } catch (RuntimeException e) {
      outcome = ParseOutcome.rejected(parser.format() + " parser failed: " + e);
    }
    if (outcome instanceof ParseOutcome.Parsed parsed) {
      tally.parsed(parsed.event());
      return new IngestItem.Event(parsed.event());
    }
    if (outcome instanceof ParseOutcome.Rejected rejected) {
      return tally.reject(origin, rejected.reason());
    }
    tally.filtered++;
    return null;
  }

  @Override
  public TypeInformation<IngestItem> getProducedType() {
    return TypeInformation.of(IngestItem.class);
  }

  /** The counts of one message, kept as the file reader keeps those of a file. */
  private static final class Tally {
    private final Set<String> formats = new LinkedHashSet<>();
    private long read;
    private long parsed;
    private long rejected;
    private long filtered;
    private long nonHuman;
    private long human;
    private long service;
    private Instant first;
    private Instant last;

    IngestItem reject(Origin origin, String reason) {
      rejected++;
      return new IngestItem.Reject(new Rejection(origin, reason));
    }

    void parsed(AccessEvent event) {
      parsed++;
      if (event.actorClass() == ActorClass.NON_HUMAN) {
        nonHuman++;
      } else if (event.actorClass() == ActorClass.HUMAN) {
        human++;
      } else {
        service++;
      }
      Instant t = event.time();
      first = first == null || t.isBefore(first) ? t : first;
      last = last == null || t.isAfter(last) ? t : last;
    }

    FileSummary summary(String source, long bytes) {
      return new FileSummary(
          source,
          null,
          bytes,
          List.copyOf(formats),
          first,
          last,
          read,
          parsed,
          rejected,
          filtered,
          nonHuman,
          human,
          service);
    }
  }
}
