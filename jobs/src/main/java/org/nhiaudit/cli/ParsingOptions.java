package org.nhiaudit.cli;

import org.nhiaudit.ingest.ParserRegistry;
import picocli.CommandLine.Option;

/** The options every command that reads logs shares: which parsers to try, how wide to run. */
final class ParsingOptions {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Read every record as this format instead of detecting it per record.")
  String format;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "0",
      description = "Flink parallelism; 0 uses one slot per core (default).")
  int parallelism;

  /** Checks both options and returns the parsers they select. */
  ParserRegistry registry() {
    if (parallelism < 0) {
      throw new UserError("--parallelism must be 0 or more, was " + parallelism);
    }
    try {
      return ParserRegistry.forFormat(format);
    } catch (IllegalArgumentException e) {
      throw new UserError("--format: " + e.getMessage());
    }
  }
}
