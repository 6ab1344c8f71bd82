package org.nhiaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.job.BatchJob;
import org.nhiaudit.run.BatchRun;
import org.nhiaudit.run.BatchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nhi-audit batch}: historical logs and inventories in, ranked credentials and packets out.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Reads audit logs and inventories, aggregates usage per credential with Flink in batch mode,"
          + " scores every machine credential and writes the run directory and review packets.",
      "With neither --logs nor --inventory it runs on the bundled sample-logs/."
    })
public final class BatchCommand implements Callable<Integer> {

  @Option(
      names = "--logs",
      paramLabel = "PATH",
      arity = "1..*",
      description = "Audit-log files or folders, read recursively; plain or gzip. Repeatable.")
  List<String> logs = new ArrayList<>();

  @Option(
      names = "--inventory",
      paramLabel = "PATH",
      arity = "1..*",
      description = {
        "Inventory files or folders: IAM authorization details, credential reports,"
            + " list-access-keys output, generic YAML/CSV inventories. Optional: without it the"
            + " run ranks on usage alone and says which factors it could not evaluate."
      })
  List<Path> inventory = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "nhi-audit-out",
      description = "Where the run directory is written (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = {
        "The instant ages and dormancy are measured against: a date (its end, UTC) or an"
            + " ISO-8601 instant. Default: the newest event read."
      })
  String asOf;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A YAML file overriding any of the documented risk defaults.")
  Path config;

  @Mixin ParsingOptions parsing = new ParsingOptions();

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many credentials the console table shows (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--no-report",
      negatable = false,
      description = "Write the machine-readable outputs only, no HTML or Excel packets.")
  boolean noReport;

  @Option(
      names = "--previous",
      paramLabel = "DIR",
      description = "An earlier run directory, for the change since the last review.")
  Path previous;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "A copy of reports-templates/ to render the HTML packets with.")
  Path templates;

  /**
   * Whether {@code args} ask for a batch run rather than help or the version; they may still turn
   * out to be wrong when parsed.
   */
  static boolean isRun(String[] args) {
    if (args.length == 0 || !"batch".equals(args[0])) {
      return false;
    }
    for (String arg : args) {
      if (List.of("-h", "--help", "-V", "--version").contains(arg)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Integer call() throws Exception {
    ParserRegistry registry = parsing.registry();
    if (top < 0) {
      throw new UserError("--top must be 0 or more, was " + top);
    }
    List<String> logRoots = logs;
    List<Path> inventoryRoots = inventory;
    if (logs.isEmpty() && inventory.isEmpty()) {
      Path samples = SampleLogs.locate();
      logRoots = SampleLogs.logRoots(samples);
      inventoryRoots = SampleLogs.inventoryRoots(samples);
      System.out.println("No --logs or --inventory given: using the bundled samples in " + samples);
    } else if (logs.isEmpty()) {
      throw new UserError("--logs is required when --inventory is given");
    }
    logRoots.forEach(BatchCommand::requireReadableLocal);
    inventoryRoots.forEach(p -> requireReadableLocal(p.toString()));
    requireFile(config, "--config");
    requireDirectory(previous, "--previous");
    requireDirectory(templates, "--templates");
    Instant asOfInstant = parseAsOf(asOf);

    // The embedded Flink cluster starts now, to come up while the configuration and the
    // inventory are read.
    try (BatchJob job = new BatchJob(logRoots, registry, parsing.parallelism).startCluster()) {
      return run(job, logRoots, inventoryRoots, asOfInstant);
    }
  }

  private int run(
      BatchJob job, List<String> logRoots, List<Path> inventoryRoots, Instant asOfInstant)
      throws Exception {
    BatchSettings settings =
        new BatchSettings(
            logRoots,
            inventoryRoots,
            out,
            asOfInstant,
            config,
            parsing.format,
            parsing.parallelism,
            top,
            !noReport,
            previous,
            templates);
    return new BatchRun(settings, System.out, BatchCommand::renderPackets).execute(job);
  }

  /** The packets of a batch run go to {@code OUT/report}. */
  private static String renderPackets(BatchSettings settings) {
    return ReportCommand.describe(
        ReportCommand.render(
            settings.out(),
            settings.previous(),
            settings.templates(),
            settings.out().resolve("report")));
  }

  static Instant parseAsOf(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new UserError(
            "--as-of must be a date (2026-11-30) or an instant (2026-11-30T12:00:00Z), was '"
                + value
                + "'");
      }
    }
  }

  /** Paths with a URI scheme (s3://, hdfs://) are left for Flink's file systems to check. */
  static void requireReadableLocal(String location) {
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") && !location.startsWith("file:")) {
      return;
    }
    Path path = Path.of(location.replaceFirst("^file:(//)?", ""));
    if (!Files.exists(path)) {
      throw new UserError("input not found: " + location);
    }
    if (!Files.isReadable(path)) {
      throw new UserError("input not readable: " + location);
    }
  }

  private static void requireFile(Path file, String option) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new UserError(option + " file not found: " + file);
    }
  }

  private static void requireDirectory(Path dir, String option) {
    if (dir != null && !Files.isDirectory(dir)) {
      throw new UserError(option + " folder not found: " + dir);
    }
  }
}
