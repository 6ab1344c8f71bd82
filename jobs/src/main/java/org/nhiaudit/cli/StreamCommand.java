package org.nhiaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.nhiaudit.alert.AlertConfig;
import org.nhiaudit.alert.Decisions;
import org.nhiaudit.inventory.InventoryException;
import org.nhiaudit.inventory.InventoryLoader;
import org.nhiaudit.job.StreamJob;
import org.nhiaudit.job.StreamSettings;
import org.nhiaudit.risk.ConfigException;
import org.nhiaudit.risk.RiskConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nhi-audit stream}: live audit logs in, alerts and continuously updated aggregates out,
 * until stopped. Ctrl-C stops the job with a savepoint, which {@code --from-savepoint} resumes.
 */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "Reads live audit logs from a watched folder or Kafka, keeps the usage aggregates of every"
          + " credential up to date, raises alerts, and rewrites a run directory snapshot that"
          + " 'nhi-audit report' renders. Runs until Ctrl-C, which stops with a savepoint."
    })
public final class StreamCommand implements Callable<Integer> {

  /** How long the brokers have to answer before the job is submitted. */
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  /** Exactly one source. */
  static final class Input {
    @Option(
        names = "--watch",
        paramLabel = "DIR",
        description = "A folder to watch for new audit-log files, read recursively.")
    String watch;

    @Option(
        names = "--kafka",
        paramLabel = "BOOTSTRAP",
        description = "Kafka bootstrap servers, host:port[,host:port]; needs --topic.")
    String kafka;
  }

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      arity = "1..*",
      description = "Kafka topic(s) of audit records, one JSON record per message.")
  List<String> topics = new ArrayList<>();

  @Option(
      names = {"--group", "--group-id"},
      paramLabel = "ID",
      defaultValue = "nhi-audit",
      description = "Kafka consumer group (default: ${DEFAULT-VALUE}).")
  String groupId;

  @Option(
      names = "--from-earliest",
      description =
          "With Kafka: start at the earliest offset; else the group's committed offset, else the"
              + " latest.")
  boolean fromEarliest;

  @Option(
      names = "--kafka-property",
      paramLabel = "KEY=VALUE",
      description = "A Kafka client property, e.g. security.protocol=SASL_SSL; repeat for several.")
  Map<String, String> kafkaProperties = new LinkedHashMap<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "nhi-audit-stream",
      description = "Where alerts, aggregates and the snapshot go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--checkpoints",
      paramLabel = "DIR",
      description = "Where checkpoints are kept, so a restarted job can resume from them.")
  Path checkpoints;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "How often state is checkpointed and outputs committed (default: 30s).")
  String checkpointInterval;

  @Option(
      names = "--max-delay",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description = "How late an event may arrive and still be judged by the rules (default: 5m).")
  String maxDelay;

  @Option(
      names = "--snapshot-interval",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description =
          "How often aggregates and the run-directory snapshot are written (default: 5m).")
  String snapshotInterval;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "How often the watched folder is listed (default: 10s).")
  String pollInterval;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A YAML file overriding any of the documented risk and alert defaults.")
  Path config;

  @Option(
      names = "--decisions",
      paramLabel = "FILE",
      description =
          "Review decisions, CSV or YAML 'credential,decision': 'revoke' ones alert on use.")
  Path decisions;

  @Option(
      names = "--inventory",
      paramLabel = "PATH",
      arity = "1..*",
      description = "Inventory files or folders, joined with the aggregates in the snapshot.")
  List<Path> inventory = new ArrayList<>();

  @Option(
      names = "--state-backend",
      paramLabel = "KIND",
      defaultValue = "heap",
      description = "heap (default) or rocksdb, for millions of credentials on disk.")
  String stateBackend;

  @Option(
      names = "--from-savepoint",
      paramLabel = "PATH",
      description = "A savepoint or retained checkpoint to resume from.")
  String savepoint;

  @Mixin ParsingOptions parsing = new ParsingOptions();

  @Override
  public Integer call() throws Exception {
    StreamSettings settings = settings();
    if (settings.source() instanceof StreamSettings.Kafka kafka) {
      KafkaPreflight.check(kafka, KAFKA_TIMEOUT);
    }
    Files.createDirectories(out);
    JobClient job = new StreamJob(settings).start();
    System.out.printf(
        "Streaming from %s; alerts in %s, snapshot in %s. Ctrl-C stops with a savepoint.%n",
        input.watch != null ? input.watch : input.kafka + " " + topics,
        out.resolve("alerts"),
        out.resolve("snapshot"));
    Thread stopper = new Thread(() -> stopWithSavepoint(job), "nhi-audit-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    job.getJobExecutionResult().get();
    return 0;
  }

  private void stopWithSavepoint(JobClient job) {
    Path savepoints = (checkpoints != null ? checkpoints : out).resolve("savepoints");
    try {
      String path =
          job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
              .get(2, TimeUnit.MINUTES);
      System.out.println("Stopped. Resume with: --from-savepoint " + path);
    } catch (Exception e) {
      System.err.println("error: could not stop with a savepoint: " + e.getMessage());
    }
  }

  StreamSettings settings() throws IOException {
    parsing.registry();
    StreamSettings.StreamSource source = source();
    RiskConfig risk = loadConfig();
    StreamSettings settings =
        StreamSettings.of(source, out)
            .withCheckpoints(checkpoints, duration("--checkpoint-interval", checkpointInterval))
            .withTiming(
                duration("--max-delay", maxDelay),
                duration("--snapshot-interval", snapshotInterval))
            .withState(rocksDb(), savepoint)
            .withParsing(parsing.format, parsing.parallelism)
            .withRules(
                config == null ? null : Files.readString(config), alerts(risk), loadDecisions());
    if (!inventory.isEmpty()) {
      try {
        settings = settings.withInventory(InventoryLoader.load(inventory));
      } catch (InventoryException e) {
        throw new UserError("inventory: " + e.getMessage(), e);
      }
    }
    return settings;
  }

  private StreamSettings.StreamSource source() {
    if (input.watch != null) {
      if (!input.watch.contains("://") && !Files.isDirectory(Path.of(input.watch))) {
        throw new UserError("--watch folder not found: " + input.watch);
      }
      return new StreamSettings.Watch(input.watch, duration("--poll-interval", pollInterval));
    }
    if (topics.isEmpty()) {
      throw new UserError("--kafka needs --topic");
    }
    return new StreamSettings.Kafka(input.kafka, topics, groupId, fromEarliest, kafkaProperties);
  }

  private boolean rocksDb() {
    return switch (stateBackend.toLowerCase(Locale.ROOT)) {
      case "heap", "hashmap" -> false;
      case "rocksdb" -> true;
      default ->
          throw new UserError("--state-backend must be heap or rocksdb, was " + stateBackend);
    };
  }

  private RiskConfig loadConfig() {
    if (config == null) {
      return RiskConfig.defaults();
    }
    if (!Files.isRegularFile(config)) {
      throw new UserError("--config file not found: " + config);
    }
    try {
      return RiskConfig.load(config);
    } catch (ConfigException e) {
      throw new UserError("--config " + config + ": " + e.getMessage(), e);
    }
  }

  private AlertConfig alerts(RiskConfig risk) {
    try {
      return AlertConfig.of(risk);
    } catch (ConfigException e) {
      throw new UserError("--config " + config + ": " + e.getMessage(), e);
    }
  }

  private Decisions loadDecisions() {
    if (decisions == null) {
      return Decisions.none();
    }
    if (!Files.isRegularFile(decisions)) {
      throw new UserError("--decisions file not found: " + decisions);
    }
    try {
      return Decisions.load(decisions);
    } catch (IOException e) {
      throw new UserError("--decisions " + e.getMessage(), e);
    }
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or {@code 1d}. */
  static Duration duration(String option, String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new UserError(
          option + " must be a positive duration such as 500ms, 30s, 5m, 2h or 1d, was " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
