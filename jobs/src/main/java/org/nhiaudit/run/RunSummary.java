package org.nhiaudit.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.nhiaudit.ingest.FileSummary;

/**
 * The evidence of one run, written as {@code run-summary.json}: what was read, how every record was
 * accounted for, the as-of instant and configuration, and the tool version.
 *
 * @param tool name and version of the program that made the run
 * @param asOf the instant every age and dormancy was measured against
 * @param asOfSource how {@code asOf} was chosen: {@code option} or {@code newest-event}
 * @param periodStart the earliest event time, or null when there were no events
 * @param periodEnd the latest event time, or null when there were no events
 * @param totals the sums over {@code inputs}
 * @param inputs one entry per log file read
 * @param inventory one entry per inventory file read; empty when none was given
 * @param credentials how many credentials were scored
 * @param deadLetters how many rejections {@code dead-letter.jsonl} holds
 * @param notEvaluated risk factors the run could not evaluate, each with the reason
 * @param config the effective configuration
 */
public record RunSummary(
    Tool tool,
    Instant asOf,
    String asOfSource,
    Instant periodStart,
    Instant periodEnd,
    Totals totals,
    List<FileSummary> inputs,
    List<InventoryFile> inventory,
    long credentials,
    long deadLetters,
    List<String> notEvaluated,
    Map<String, Object> config) {

  public RunSummary {
    inputs = List.copyOf(inputs);
    inventory = List.copyOf(inventory);
    notEvaluated = List.copyOf(notEvaluated);
    config = config == null ? Map.of() : config;
  }

  /** The program's name and version. */
  public record Tool(String name, String version) {}

  /**
   * Record counts over all inputs: {@code read = parsed + rejected + filtered} and {@code parsed =
   * nonHuman + human + service}.
   */
  public record Totals(
      long read,
      long parsed,
      long rejected,
      long filtered,
      long nonHuman,
      long human,
      long service) {

    /** The sums over {@code files}. */
    public static Totals of(List<FileSummary> files) {
      long[] t = new long[7];
      for (FileSummary f : files) {
        t[0] += f.read();
        t[1] += f.parsed();
        t[2] += f.rejected();
        t[3] += f.filtered();
        t[4] += f.nonHuman();
        t[5] += f.human();
        t[6] += f.service();
      }
      return new Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    }

    /** Whether every record is in exactly one bucket. */
    public boolean balanced() {
      return read == parsed + rejected + filtered && parsed == nonHuman + human + service;
    }
  }

  /** One inventory input: its path, hash, what kind of file it was, and how many rows it gave. */
  public record InventoryFile(String path, String sha256, String kind, long rows) {}
}
