package org.nhiaudit.run;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nhiaudit.cli.UserError;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.job.BatchJob;
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
  private final Progress progress;

  public BatchRun(BatchSettings settings, PrintStream out) {
    this.settings = settings;
    this.progress = new Progress(out, 2);
  }

  /** Runs every stage; returns the process exit code. */
  public int execute() throws Exception {
    Files.createDirectories(settings.out());
    LOG.info(
        "batch run: logs={} inventory={} out={}",
        settings.logs(),
        settings.inventory(),
        settings.out());

    JobOutcome logs = readLogs();
    Instant asOf = settings.asOf() != null ? settings.asOf() : logs.periodEnd();

    progress.stage("writing the run summary");
    RunSummary summary = summary(logs, asOf);
    RunOutputs.writeSummary(settings.out(), summary);
    progress.done("wrote " + settings.out().resolve(RunOutputs.SUMMARY));
    return 0;
  }

  private JobOutcome readLogs() throws Exception {
    ParserRegistry registry = registry();
    progress.stage("reading audit logs from " + settings.logs().size() + " location(s) with Flink");
    List<CredentialUsage> usage;
    List<FileSummary> files;
    long deadLetters;
    try (JobResults results = new JobResults(settings.out())) {
      new BatchJob(settings.logs(), registry, settings.parallelism()).run(results);
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
    return new JobOutcome(usage, files, totals, deadLetters);
  }

  private ParserRegistry registry() {
    ParserRegistry registry = ParserRegistry.defaults();
    if (settings.format() == null) {
      return registry;
    }
    try {
      return registry.forcing(settings.format());
    } catch (IllegalArgumentException e) {
      throw new UserError("--format: " + e.getMessage());
    }
  }

  private RunSummary summary(JobOutcome logs, Instant asOf) {
    return new RunSummary(
        ToolVersion.tool(),
        asOf,
        settings.asOf() != null ? "option" : "newest-event",
        logs.periodStart(),
        logs.periodEnd(),
        logs.totals(),
        logs.files(),
        List.of(),
        logs.usage().size(),
        logs.deadLetters(),
        List.of(),
        Map.of());
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

    Instant periodStart() {
      return usage.stream()
          .map(CredentialUsage::firstSeen)
          .filter(Objects::nonNull)
          .min(Instant::compareTo)
          .orElse(null);
    }

    Instant periodEnd() {
      return usage.stream()
          .map(CredentialUsage::lastSeen)
          .filter(Objects::nonNull)
          .max(Instant::compareTo)
          .orElse(null);
    }
  }
}
