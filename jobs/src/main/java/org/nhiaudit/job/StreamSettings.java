package org.nhiaudit.job;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nhiaudit.alert.AlertConfig;
import org.nhiaudit.alert.Decisions;
import org.nhiaudit.inventory.Inventory;
import org.nhiaudit.risk.RiskConfig;

/**
 * What a streaming run was asked to do, already validated by the command line.
 *
 * @param source where events come from
 * @param out the output folder: committed alert and usage files, and the run-directory snapshot
 * @param checkpoints where checkpoints are kept, or null for the job manager's memory only (then a
 *     crash is recovered within the process but nothing survives it)
 * @param checkpointInterval how often state is checkpointed and outputs committed
 * @param maxDelay how far behind the newest event an event may arrive and still be judged by the
 *     rules; later events are counted as late
 * @param snapshotInterval how often changed aggregates are emitted and the run directory rewritten
 * @param rocksDb whether state lives in RocksDB (on disk) instead of the heap
 * @param savepoint a savepoint or retained checkpoint to resume from, or null
 * @param format a format to force, or null to detect per record
 * @param parallelism operator parallelism, 0 for Flink's default
 * @param configYaml the text of the configuration file, or null for the defaults; kept as text so
 *     that the snapshot operator can rebuild the scoring configuration where it runs
 * @param alerts the alert rules' thresholds
 * @param decisions review decisions for the revoked-use rule
 * @param inventory joined with the aggregates in the snapshot; empty when none was given
 * @param inventoryGiven whether an inventory was given at all
 */
public record StreamSettings(
    StreamSource source,
    Path out,
    Path checkpoints,
    Duration checkpointInterval,
    Duration maxDelay,
    Duration snapshotInterval,
    boolean rocksDb,
    String savepoint,
    String format,
    int parallelism,
    String configYaml,
    AlertConfig alerts,
    Decisions decisions,
    Inventory inventory,
    boolean inventoryGiven) {

  /** Settings with the documented defaults for everything but the source and output. */
  public static StreamSettings of(StreamSource source, Path out) {
    return new StreamSettings(
        source,
        out,
        null,
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        false,
        null,
        null,
        0,
        null,
        AlertConfig.defaults(),
        Decisions.none(),
        Inventory.empty(),
        false);
  }

  public StreamSettings withCheckpoints(Path dir, Duration interval) {
    return new StreamSettings(
        source,
        out,
        dir,
        interval,
        maxDelay,
        snapshotInterval,
        rocksDb,
        savepoint,
        format,
        parallelism,
        configYaml,
        alerts,
        decisions,
        inventory,
        inventoryGiven);
  }

  public StreamSettings withTiming(Duration maxDelay, Duration snapshotInterval) {
    return new StreamSettings(
        source,
        out,
        checkpoints,
        checkpointInterval,
        maxDelay,
        snapshotInterval,
        rocksDb,
        savepoint,
        format,
        parallelism,
        configYaml,
        alerts,
        decisions,
        inventory,
        inventoryGiven);
  }

  public StreamSettings withState(boolean rocksDb, String savepoint) {
    return new StreamSettings(
        source,
        out,
        checkpoints,
        checkpointInterval,
        maxDelay,
        snapshotInterval,
        rocksDb,
        savepoint,
        format,
        parallelism,
        configYaml,
        alerts,
        decisions,
        inventory,
        inventoryGiven);
  }

  public StreamSettings withParsing(String format, int parallelism) {
    return new StreamSettings(
        source,
        out,
        checkpoints,
        checkpointInterval,
        maxDelay,
        snapshotInterval,
        rocksDb,
        savepoint,
        format,
        parallelism,
        configYaml,
        alerts,
        decisions,
        inventory,
        inventoryGiven);
  }

  public StreamSettings withRules(String configYaml, AlertConfig alerts, Decisions decisions) {
    return new StreamSettings(
        source,
        out,
        checkpoints,
        checkpointInterval,
        maxDelay,
        snapshotInterval,
        rocksDb,
        savepoint,
        format,
        parallelism,
        configYaml,
        alerts,
        decisions,
        inventory,
        inventoryGiven);
  }

  public StreamSettings withInventory(Inventory inventory) {
    return new StreamSettings(
        source,
        out,
        checkpoints,
        checkpointInterval,
        maxDelay,
        snapshotInterval,
        rocksDb,
        savepoint,
        format,
        parallelism,
        configYaml,
        alerts,
        decisions,
        inventory,
        true);
  }

  /** The scoring configuration: {@link #configYaml} over the defaults. */
  public RiskConfig riskConfig() {
    return configYaml == null ? RiskConfig.defaults() : RiskConfig.fromYaml(configYaml, "--config");
  }

  /** Where events come from. */
  public sealed interface StreamSource extends Serializable {}

  /**
   * A folder watched for new files. A file must appear whole: written under a hidden name (a
   * leading dot or underscore) and renamed, as S3 sync and log shippers do, or it may be read
   * half-written.
   *
   * @param dir the folder, read recursively; any URI scheme Flink supports
   * @param poll how often the folder is listed
   */
  public record Watch(String dir, Duration poll) implements StreamSource {}

  /**
   * Kafka topics whose messages are audit records, one JSON record (or a CloudTrail-style {@code
   * Records} batch) per message.
   *
   * @param bootstrap the brokers' bootstrap servers, {@code host:port[,host:port]}
   * @param topics the topics to read
   * @param groupId the consumer group that commits offsets at checkpoints (for monitoring and for
   *     where a new job starts; a job resumed from a checkpoint uses the offsets in it)
   * @param fromEarliest start every partition at its earliest offset; otherwise at the group's
   *     committed offset, or the latest where the group has none
   * @param properties further Kafka client properties, such as security settings, applied to the
   *     consumer and the admin client alike
   */
  public record Kafka(
      String bootstrap,
      List<String> topics,
      String groupId,
      boolean fromEarliest,
      Map<String, String> properties)
      implements StreamSource {
    public Kafka {
      topics = List.copyOf(topics);
      properties = Map.copyOf(properties);
    }

    /** The client properties: {@link #properties} with the bootstrap servers. */
    public Properties clientProperties() {
      Properties props = new Properties();
      props.putAll(properties);
      props.put("bootstrap.servers", bootstrap);
      return props;
    }
  }
}
