package org.nhiaudit.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.ingest.RecordCounts;
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
    RecordCounts counts = new RecordCounts(registry);
    List<JsonNode> records = new ArrayList<>();
    String problem = read(message.value(), records);
    if (problem != null) {
      out.collect(counts.unreadable(new Origin(location, 0, 0), problem));
    }
    for (int i = 0; i < records.size(); i++) {
      IngestItem item = counts.take(records.get(i), new Origin(location, 0, i));
      if (item != null) {
        out.collect(item);
      }
    }
    long bytes = message.value() == null ? 0 : message.value().length;
    out.collect(new IngestItem.Summary(counts.summary(source, null, bytes)));
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

  @Override
  public TypeInformation<IngestItem> getProducedType() {
    return TypeInformation.of(IngestItem.class);
  }
}
