package org.nhiaudit.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a batch run was asked to do, already validated by the command line.
 *
 * @param logs audit-log files or folders (local paths or URIs Flink can read)
 * @param inventory inventory files or folders; empty when none was given
 * @param out the run directory to write
 * @param asOf the as-of instant, or null for the newest event
 * @param config a risk configuration file, or null for the defaults
 * @param format a format to force, or null to detect per record
 * @param parallelism Flink parallelism, 0 for the default
 * @param top how many credentials the console table lists
 * @param report whether to render the HTML and Excel packets
 * @param previous an earlier run directory for the trend, or null
 * @param templates a templates folder to render with, or null for the bundled ones
 */
public record BatchSettings(
    List<String> logs,
    List<Path> inventory,
    Path out,
    Instant asOf,
    Path config,
    String format,
    int parallelism,
    int top,
    boolean report,
    Path previous,
    Path templates) {

  public BatchSettings {
    logs = List.copyOf(logs);
    inventory = List.copyOf(inventory);
  }
}
