package org.nhiaudit.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.util.Collector;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.inventory.Inventory;
import org.nhiaudit.risk.RiskConfig;
import org.nhiaudit.run.DeadLetter;
import org.nhiaudit.run.SnapshotRun;
import org.nhiaudit.usage.CredentialUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest aggregate of every credential and identity, the accounting of every file and the
 * most recent rejections, and every snapshot interval (processing time) rewrites the run directory
 * {@code OUT/snapshot} from them with {@link SnapshotRun}.
 *
 * <p>All of it sits under one key on one task, in keyed map state, so with RocksDB it lives on
 * disk; scoring reads it all at each snapshot, which bounds how often snapshots are worth taking
 * for millions of credentials. The snapshot is a view rewritten whole, not a committed output:
 * after a restore it is rewritten from the restored state.
 */
final class RunSnapshots extends KeyedProcessFunction<String, JobRecord, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(RunSnapshots.class);
  private static final int KEPT_DEAD_LETTERS = 1000;

  private final String dir;
  private final long everyMillis;
  private final String configYaml;
  private final Inventory inventory;
  private final boolean inventoryGiven;

  private transient MapState<String, String> usage;
  private transient MapState<String, String> identityUsage;
  private transient MapState<String, String> files;
  private transient MapState<Integer, String> recentDeadLetters;
  private transient ValueState<Long> deadLetters;
  private transient RiskConfig config;

  private RunSnapshots(StreamSettings settings) {
    this.dir = settings.out().resolve(StreamOutputs.SNAPSHOT).toString();
    this.everyMillis = settings.snapshotInterval().toMillis();
    this.configYaml = settings.configYaml();
    this.inventory = settings.inventory();
    this.inventoryGiven = settings.inventoryGiven();
  }

  /** Feeds the usage pipeline's records to a single snapshot writer. */
  static void attach(DataStream<JobRecord> records, StreamSettings settings) {
    records
        .keyBy(r -> "all", Types.STRING)
        .process(new RunSnapshots(settings))
        .setParallelism(1)
        .name("run snapshot")
        .uid("run-snapshot")
        .addSink(new DiscardingSink<>())
        .setParallelism(1)
        .name("run snapshot done");
  }

  @Override
  public void open(OpenContext context) {
    usage = map("usage", Types.STRING);
    identityUsage = map("identity-usage", Types.STRING);
    files = map("files", Types.STRING);
    recentDeadLetters =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("recent-dead-letters", Types.INT, Types.STRING));
    deadLetters = getRuntimeContext().getState(new ValueStateDescriptor<>("dead", Types.LONG));
    config = configYaml == null ? RiskConfig.defaults() : RiskConfig.fromYaml(configYaml, "config");
  }

  private MapState<String, String> map(
      String name, org.apache.flink.api.common.typeinfo.TypeInformation<String> key) {
    return getRuntimeContext().getMapState(new MapStateDescriptor<>(name, key, Types.STRING));
  }

  @Override
  public void processElement(JobRecord record, Context ctx, Collector<Void> out) throws Exception {
    switch (record.kind()) {
      case USAGE -> usage.put(field(record, "key"), record.json());
      case IDENTITY_USAGE -> identityUsage.put(field(record, "key"), record.json());
      case FILE -> files.put(field(record, "path"), record.json());
      case DEAD_LETTER -> {
        long n = deadLetters.value() == null ? 0 : deadLetters.value();
        recentDeadLetters.put((int) (n % KEPT_DEAD_LETTERS), record.json());
        deadLetters.update(n + 1);
      }
    }
    long now = ctx.timerService().currentProcessingTime();
    ctx.timerService().registerProcessingTimeTimer((now / everyMillis + 1) * everyMillis);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Void> out) throws Exception {
    List<CredentialUsage> credentials = values(usage, CredentialUsage.class);
    SnapshotRun.Contents contents =
        new SnapshotRun.Contents(
            credentials,
            values(identityUsage, CredentialUsage.class),
            values(files, FileSummary.class),
            values(recentDeadLetters, DeadLetter.class),
            deadLetters.value() == null ? 0 : deadLetters.value(),
            inventory,
            inventoryGiven,
            config);
    if (SnapshotRun.write(Path.of(dir), contents)) {
      LOG.info("snapshot: {} credentials written to {}", credentials.size(), dir);
    }
  }

  private static String field(JobRecord record, String name) throws Exception {
    JsonNode node = Json.MAPPER.readTree(record.json()).get(name);
    return node == null || node.isNull() ? "" : node.asText();
  }

  private static <K, T> List<T> values(MapState<K, String> state, Class<T> type) throws Exception {
    List<T> out = new ArrayList<>();
    for (Map.Entry<K, String> e : state.entries()) {
      out.add(Json.MAPPER.readValue(e.getValue(), type));
    }
    return out;
  }
}
