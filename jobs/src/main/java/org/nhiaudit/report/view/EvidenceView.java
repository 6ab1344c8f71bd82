package org.nhiaudit.report.view;

import java.util.List;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.run.RunSummary.InventoryFile;

/**
 * The run's accounting, as evidence an auditor can check against the input files.
 *
 * @param tool the program and version that made the run
 * @param asOf the instant ages and dormancy were measured against
 * @param asOfSource how {@code asOf} was chosen
 * @param period the first and last event, for people
 * @param totals records read, parsed, rejected, filtered, non-human, human, service
 * @param balanced whether every record is accounted for exactly once
 * @param inputs the log files read, with SHA-256
 * @param inventory the inventory files read, with SHA-256
 * @param credentials how many credentials were scored
 * @param deadLetters how many records were rejected into {@code dead-letter.jsonl}
 * @param notEvaluated risk factors the run could not evaluate, with the reason
 * @param config the effective configuration, one entry per setting
 */
public record EvidenceView(
    String tool,
    String asOf,
    String asOfSource,
    String period,
    List<CountRow> totals,
    boolean balanced,
    List<FileSummary> inputs,
    List<InventoryFile> inventory,
    long credentials,
    long deadLetters,
    List<String> notEvaluated,
    List<Setting> config) {

  public EvidenceView {
    totals = List.copyOf(totals);
    inputs = List.copyOf(inputs);
    inventory = List.copyOf(inventory);
    notEvaluated = List.copyOf(notEvaluated);
    config = List.copyOf(config);
  }

  /** A labelled text value, e.g. one configuration setting. */
  public record Setting(String label, String value) {}
}
