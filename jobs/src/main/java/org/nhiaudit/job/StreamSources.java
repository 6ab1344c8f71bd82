package org.nhiaudit.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParserRegistry;

/** The unbounded sources of the streaming job, each yielding the batch job's ingest items. */
final class StreamSources {

  /** How long a partition may go without messages before the watermark stops waiting for it. */
  static final Duration KAFKA_IDLE = Duration.ofSeconds(30);

  private StreamSources() {}

  static Sources items(
      StreamExecutionEnvironment env, StreamSettings settings, ParserRegistry registry) {
    if (settings.source() instanceof StreamSettings.Watch watch) {
      return new Sources(watched(env, watch, settings, registry), null);
    }
    if (settings.source() instanceof StreamSettings.Kafka kafka) {
      return kafka(env, kafka, settings, registry);
    }
    throw new IllegalArgumentException("unsupported source " + settings.source());
  }

  /**
   * The batch job's file source, listing the folder again every poll interval. The enumerator
   * remembers every path it handed out, in its checkpointed state, so its state grows with the
   * number of files: archive or move old files away from the watched folder.
   *
   * <p>Files are read in the order they are found, several at once: events of files further apart
   * in event time than the allowed delay can arrive late, so the delay must cover how far apart the
   * files that arrive together are.
   */
  private static DataStream<IngestItem> watched(
      StreamExecutionEnvironment env,
      StreamSettings.Watch watch,
      StreamSettings settings,
      ParserRegistry registry) {
    FileSource<IngestItem> source =
        FileSource.forBulkFileFormat(new AuditLogFormat(registry), new Path(watch.dir()))
            .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new LogFileFilter()))
            .monitorContinuously(watch.poll())
            .build();
    // Watermarks per reader task rather than per file: a file's own watermark is dropped when the
    // file ends, so a short file would never move event time on. A reader is idle once it has had
    // no new file for two listings.
    Duration idle = watch.poll().multipliedBy(2);
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "watched folder")
        .uid("watched-folder")
        .assignTimestampsAndWatermarks(StreamJob.watermarks(settings.maxDelay(), idle))
        .name("event time")
        .uid("event-time");
  }

  /**
   * Kafka topics. Watermarks are generated per partition inside the source, so the job's event time
   * is that of the slowest partition, less the allowed delay; a partition without messages for
   * {@link #KAFKA_IDLE} stops holding it back. Offsets are committed to the group at checkpoints.
   *
   * <p>Each message's summary goes to {@link SourceAccounting}, keyed by partition, which emits the
   * running account per partition at the snapshot interval; events and rejections go straight on.
   */
  private static Sources kafka(
      StreamExecutionEnvironment env,
      StreamSettings.Kafka kafka,
      StreamSettings settings,
      ParserRegistry registry) {
    KafkaSource<IngestItem> source =
        KafkaSource.<IngestItem>builder()
            .setBootstrapServers(kafka.bootstrap())
            .setTopics(kafka.topics())
            .setGroupId(kafka.groupId())
            .setProperties(kafka.clientProperties())
            .setStartingOffsets(
                kafka.fromEarliest()
                    ? OffsetsInitializer.earliest()
                    : OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST))
            .setDeserializer(new KafkaAuditRecords(registry))
            .build();
    SingleOutputStreamOperator<IngestItem> records =
        env.fromSource(
                source, StreamJob.watermarks(settings.maxDelay(), KAFKA_IDLE), "kafka topics")
            .uid("kafka-topics")
            .process(new SplitSummaries())
            .name("records")
            .uid("kafka-records");
    // Summaries cross to the accounting task as JSON text: Kryo's generic copy of their
    // immutable lists fails, and text needs no Kryo at all.
    DataStream<JobRecord> accounts =
        records
            .getSideOutput(SplitSummaries.SUMMARIES)
            .keyBy(SourceAccounting::pathOf, Types.STRING)
            .process(new SourceAccounting(settings.snapshotInterval().toMillis()))
            .name("partition accounting")
            .uid("partition-accounting");
    return new Sources(records, accounts);
  }

  /**
   * What a source yields: the items, and for Kafka the accounts per partition, which skip the
   * routing (files account for themselves in their items instead).
   */
  record Sources(DataStream<IngestItem> items, DataStream<JobRecord> accounts) {}

  /** Passes events and rejections on; sends each message's summary, as JSON, aside. */
  static final class SplitSummaries extends ProcessFunction<IngestItem, IngestItem> {
    static final OutputTag<String> SUMMARIES = new OutputTag<>("summaries") {};

    @Override
    public void processElement(IngestItem item, Context ctx, Collector<IngestItem> out)
        throws JsonProcessingException {
      if (item instanceof IngestItem.Summary summary) {
        ctx.output(SUMMARIES, Json.MAPPER.writeValueAsString(summary.summary()));
      } else {
        out.collect(item);
      }
    }
  }
}
