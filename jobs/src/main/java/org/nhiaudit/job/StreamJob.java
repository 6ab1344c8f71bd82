package org.nhiaudit.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.nhiaudit.alert.Alert;
import org.nhiaudit.alert.AlertEngine;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.model.AccessEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming job: the batch job's parsing and aggregation in Flink's streaming runtime mode over
 * an unbounded source, with the alert rules beside the aggregation. Outputs go through one file
 * sink that commits at checkpoints, so after a failure they hold every result exactly once.
 *
 * <p>Event time comes from the events; the watermark trails the newest event by the configured
 * delay. Aggregates do not depend on order, so every event counts in them; the rules judge only
 * events ahead of the watermark, and later ones are written to {@code late-events/}.
 */
public final class StreamJob {

  private static final Logger LOG = LoggerFactory.getLogger(StreamJob.class);

  private final StreamSettings settings;

  public StreamJob(StreamSettings settings) {
    this.settings = settings;
  }

  /** Builds the job and submits it to the environment; returns while it runs. */
  public JobClient start() throws Exception {
    return start(UnaryOperator.identity());
  }

  /**
   * Like {@link #start()}, with {@code tap} placed between the source and the first stage; tests
   * use it to inject failures.
   */
  public JobClient start(UnaryOperator<DataStream<IngestItem>> tap) throws Exception {
    StreamExecutionEnvironment env = environment();
    define(env, tap);
    LOG.info(
        "stream job: source={} out={} checkpoints={} every {} max delay {} snapshot every {}"
            + " state={} resume from={}",
        settings.source(),
        settings.out(),
        settings.checkpoints(),
        settings.checkpointInterval(),
        settings.maxDelay(),
        settings.snapshotInterval(),
        settings.rocksDb() ? "rocksdb" : "heap",
        settings.savepoint());
    return env.executeAsync("nhi-audit stream");
  }

  private void define(StreamExecutionEnvironment env, UnaryOperator<DataStream<IngestItem>> tap) {
    StreamSources.Sources sources =
        StreamSources.items(env, settings, ParserRegistry.forFormat(settings.format()));
    SingleOutputStreamOperator<AccessEvent> events =
        UsagePipeline.route(tap.apply(sources.items()));
    DataStream<JobRecord> usage =
        UsagePipeline.aggregate(
            events,
            settings.snapshotInterval().toMillis(),
            (int) settings.alerts().usageRetention().toDays());
    if (sources.accounts() != null) {
      usage = usage.union(sources.accounts());
    }

    AlertEngine engine = new AlertEngine(settings.alerts(), settings.decisions());
    LOG.info("alert rules: {}; {}", engine.ruleIds(), settings.decisions().source());
    SingleOutputStreamOperator<Alert> alerts =
        events
            .keyBy(UsagePipeline.byCredential(), Types.STRING)
            .process(new AlertFunction(engine))
            .name("alert rules")
            .uid("alert-rules");

    DataStream<OutputLine> lines =
        usage
            .map(r -> new OutputLine(StreamOutputs.folderOf(r.kind()), r.json()))
            .name("usage lines")
            .union(
                alerts.map(a -> line(StreamOutputs.ALERTS, a)).name("alert lines"),
                alerts
                    .getSideOutput(AlertFunction.LATE)
                    .map(l -> line(StreamOutputs.LATE_EVENTS, l))
                    .name("late lines"));
    lines.sinkTo(sink()).name("outputs").uid("outputs");
    RunSnapshots.attach(usage, settings);
  }

  private static OutputLine line(String folder, Object value) throws JsonProcessingException {
    return new OutputLine(folder, Json.MAPPER.writeValueAsString(value));
  }

  private FileSink<OutputLine> sink() {
    return FileSink.<OutputLine>forRowFormat(
            new Path(settings.out().toUri()),
            (line, stream) -> new SimpleStringEncoder<String>().encode(line.json(), stream))
        .withBucketAssigner(new ByFolder())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(OutputFileConfig.builder().withPartSuffix(".jsonl").build())
        .build();
  }

  private StreamExecutionEnvironment environment() {
    Configuration config = new Configuration();
    config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
    Serialization.configure(config);
    // As in the batch job: every type between operators is immutable.
    config.set(PipelineOptions.OBJECT_REUSE, true);
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
    config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    if (settings.checkpoints() != null) {
      config.set(
          CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpoints().toUri().toString());
      config.set(
          CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    }
    if (settings.rocksDb()) {
      config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
      // Only the changed files of RocksDB go into each checkpoint: millions of credentials do not
      // mean copying all of them every interval.
      config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    } else {
      config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    }
    if (settings.savepoint() != null) {
      config.set(StateRecoveryOptions.SAVEPOINT_PATH, settings.savepoint());
    }
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    if (settings.parallelism() > 0) {
      env.setParallelism(settings.parallelism());
    }
    return env;
  }

  /**
   * The watermark strategy: event time of events, trailing the newest by {@code maxDelay}. A source
   * reader without input for {@code idle} (processing time) stops holding the watermark back, so
   * one quiet reader or partition does not stall the rest.
   */
  static WatermarkStrategy<IngestItem> watermarks(Duration maxDelay, Duration idle) {
    return WatermarkStrategy.<IngestItem>forBoundedOutOfOrderness(maxDelay)
        .withTimestampAssigner(
            (item, previous) ->
                item instanceof IngestItem.Event e
                    ? e.event().time().toEpochMilli()
                    : Long.MIN_VALUE)
        .withIdleness(idle);
  }

  /** Puts each line in the folder it names, with no date folders below. */
  private static final class ByFolder implements BucketAssigner<OutputLine, String> {
    @Override
    public String getBucketId(OutputLine line, Context context) {
      return line.folder();
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
      return SimpleVersionedStringSerializer.INSTANCE;
    }
  }
}
