package org.nhiaudit.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.nhiaudit.cli.UserError;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.inventory.Inventory;
import org.nhiaudit.inventory.InventoryException;
import org.nhiaudit.inventory.InventoryLoader;
import org.nhiaudit.job.BatchJob;
import org.nhiaudit.risk.ConfigException;
import org.nhiaudit.risk.RiskConfig;
import org.nhiaudit.risk.Score;
import org.nhiaudit.risk.Scorer;
import org.nhiaudit.risk.Subject;
import org.nhiaudit.risk.Subjects;
import org.nhiaudit.usage.CredentialUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one batch run from inputs to the run directory: the Flink job over the logs, then the
 * inventory, scoring, the summary and the packets, each announced as a stage.
 */
public final class BatchRun {

  private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);

  private final BatchSettings settings;
  private final PrintStream out;
  private final Progress progress;
  private final ReportStage report;

  /**
   * @param report renders the packets from the finished run directory; called last, and only when
   *     the settings ask for packets
   */
  public BatchRun(BatchSettings settings, PrintStream out, ReportStage report) {
    this.settings = settings;
    this.out = out;
    this.progress = new Progress(out, settings.report() ? 4 : 3);
    this.report = report;
  }

  /** Renders the packets of a finished run directory. */
  @FunctionalInterface
  public interface ReportStage {
    /** Returns a one-line description of what was written. */
    String render(BatchSettings settings) throws Exception;
  }

  /** Runs every stage; returns the process exit code. */
  public int execute() throws Exception {
    try (BatchJob job = new BatchJob(settings.logs(), registry(), settings.parallelism())) {
      // The embedded Flink cluster comes up while the configuration and the inventory are read.
      return execute(job.startCluster());
    }
  }

  /**
   * Runs every stage, reading the logs with {@code job}, which the caller made for these settings
   * and may have told to start its cluster early; the caller closes it.
   */
  public int execute(BatchJob job) throws Exception {
    RiskConfig config = loadConfig();
    Files.createDirectories(settings.out());
    LOG.info(
        "batch run: logs={} inventory={} out={}",
        settings.logs(),
        settings.inventory(),
        settings.out());

    Inventory inventory = loadInventory();
    JobOutcome logs = readLogs(job);
    Instant asOf = settings.asOf() != null ? settings.asOf() : logs.periodEnd();
    if (asOf == null) {
      throw new UserError(
          "no event was read and no --as-of was given: nothing to measure ages against");
    }

    List<Score> scores = score(logs, inventory, config, asOf);
    RunSummary summary = summary(logs, inventory, config, asOf, scores);
    RunOutputs.writeSummary(settings.out(), summary);
    progress.done(
        "wrote "
            + RunOutputs.SCORES
            + ", "
            + RunOutputs.USAGE
            + ", "
            + RunOutputs.SUMMARY
            + " to "
            + settings.out());
    RankedTable.print(out, scores, settings.top());

    if (settings.report()) {
      progress.stage("rendering review packets");
      progress.done(report.render(settings));
    }
    return 0;
  }

  private RiskConfig loadConfig() {
    if (settings.config() == null) {
      return RiskConfig.defaults();
    }
    try {
      return RiskConfig.load(settings.config());
    } catch (ConfigException e) {
      throw new UserError("--config " + settings.config() + ": " + e.getMessage(), e);
    }
  }

  private JobOutcome readLogs(BatchJob job) throws Exception {
    progress.stage("reading audit logs from " + settings.logs().size() + " location(s) with Flink");
    List<CredentialUsage> usage;
    List<FileSummary> files;
    long deadLetters;
    try (JobResults results = new JobResults(settings.out())) {
      job.run(results);
      usage = results.credentials();
      files = results.files();
      deadLetters = results.deadLetters();
    }
    RunSummary.Totals totals = RunSummary.Totals.of(files);
    if (!totals.balanced()) {
      throw new IllegalStateException("record accounting does not add up: " + totals);
    }
    long aggregated = usage.stream().mapToLong(CredentialUsage::events).sum();
    if (aggregated != totals.nonHuman()) {
      throw new IllegalStateException(
          "usage aggregates hold "
              + aggregated
              + " events but the files held "
              + totals.nonHuman()
              + " non-human events");
    }
    progress.done(describe(files.size(), totals, usage.size()));
    if (deadLetters > 0) {
      out.printf(
          "      %d record(s) rejected: see %s%n",
          deadLetters, settings.out().resolve(RunOutputs.DEAD_LETTER));
    }
    return new JobOutcome(usage, files, totals, deadLetters);
  }

  private Inventory loadInventory() {
    if (settings.inventory().isEmpty()) {
      progress.stage("no inventory given: ranking on usage alone");
      progress.done("factors that need an inventory are listed as not evaluated");
      return Inventory.empty();
    }
    progress.stage("loading inventory from " + settings.inventory().size() + " location(s)");
    Inventory inventory;
    try {
      inventory = InventoryLoader.load(settings.inventory());
    } catch (InventoryException e) {
      throw new UserError("inventory: " + e.getMessage(), e);
    }
    progress.done(
        String.format(
            "%d files: %d principals, %d credentials%s",
            inventory.inputs().size(),
            inventory.principals().size(),
            inventory.credentials().size(),
            inventory.skipped().isEmpty()
                ? ""
                : "; skipped " + inventory.skipped().size() + " unrecognised file(s)"));
    return inventory;
  }

  private List<Score> score(JobOutcome logs, Inventory inventory, RiskConfig config, Instant asOf)
      throws IOException {
    progress.stage("scoring machine credentials as of " + asOf);
    boolean inventoryGiven = !settings.inventory().isEmpty();
    List<Subject> subjects = Subjects.join(logs.usage(), inventory, inventoryGiven);
    List<Score> scores = new Scorer(config).rank(subjects, asOf);
    try (RunOutputs.LineWriter<Score> writer =
        new RunOutputs.LineWriter<>(settings.out().resolve(RunOutputs.SCORES))) {
      scores.forEach(writer::write);
    }
    return scores;
  }

  private ParserRegistry registry() {
    try {
      return ParserRegistry.forFormat(settings.format());
    } catch (IllegalArgumentException e) {
      throw new UserError("--format: " + e.getMessage());
    }
  }

  private RunSummary summary(
      JobOutcome logs, Inventory inventory, RiskConfig config, Instant asOf, List<Score> scores) {
    List<RunSummary.InventoryFile> inventoryFiles =
        inventory.inputs().stream()
            .map(i -> new RunSummary.InventoryFile(i.path(), i.sha256(), kindName(i), i.rows()))
            .toList();
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("source", settings.config() == null ? "defaults" : settings.config());
    configuration.put("format", settings.format() == null ? "detect" : settings.format());
    configuration.putAll(config.asMap());
    return new RunSummary(
        ToolVersion.tool(),
        asOf,
        settings.asOf() != null ? "option" : "newest-event",
        logs.periodStart(),
        logs.periodEnd(),
        logs.totals(),
        logs.files(),
        inventoryFiles,
        scores.size(),
        logs.deadLetters(),
        notEvaluated(scores),
        configuration);
  }

  private static String kindName(org.nhiaudit.inventory.InventoryInput input) {
    return input.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Each reason a factor could not be evaluated, with how many credentials it applied to. */
  static List<String> notEvaluated(List<Score> scores) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Score score : scores) {
      for (String reason : score.notEvaluated()) {
        counts.merge(reason, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + " credential(s))")
        .toList();
  }

  private static String describe(int files, RunSummary.Totals t, int credentials) {
    return String.format(
        "%d files, %d records: %d parsed (%d non-human, %d human, %d service), %d rejected,"
            + " %d filtered; %d machine credentials seen",
        files,
        t.read(),
        t.parsed(),
        t.nonHuman(),
        t.human(),
        t.service(),
        t.rejected(),
        t.filtered(),
        credentials);
  }

  /** What the Flink job produced, kept for the later stages. */
  private record JobOutcome(
      List<CredentialUsage> usage,
      List<FileSummary> files,
      RunSummary.Totals totals,
      long deadLetters) {

    /** The earliest event of any actor class. */
    Instant periodStart() {
      return files.stream()
          .map(FileSummary::firstEvent)
          .filter(Objects::nonNull)
          .min(Instant::compareTo)
          .orElse(null);
    }

    /** The newest event of any actor class: the default as-of instant. */
    Instant periodEnd() {
      return files.stream()
          .map(FileSummary::lastEvent)
          .filter(Objects::nonNull)
          .max(Instant::compareTo)
          .orElse(null);
    }
  }
}
