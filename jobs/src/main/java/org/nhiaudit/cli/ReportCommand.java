package org.nhiaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nhiaudit.report.ReportException;
import org.nhiaudit.report.ReportGenerator;
import org.nhiaudit.report.ReportRequest;
import org.nhiaudit.report.ReportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nhi-audit report}: review packets from a finished run directory, never from raw logs. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the access-review packets of a run directory: an executive summary, the full"
          + " packet, one packet and one Excel workbook per owner, and an index page."
    })
public final class ReportCommand implements Callable<Integer> {

  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "The run directory a batch run (or a streaming snapshot) wrote.")
  Path run;

  @Option(
      names = "--previous",
      paramLabel = "DIR",
      description = "An earlier run directory: the summary then shows the change since it.")
  Path previous;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "A copy of reports-templates/ to render with instead of the bundled one.")
  Path templates;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the packets are written (default: RUN/report).")
  Path out;

  @Override
  public Integer call() {
    requireDirectory(run, "--run");
    requireDirectory(previous, "--previous");
    requireDirectory(templates, "--templates");
    ReportResult result =
        render(run, previous, templates, out == null ? run.resolve("report") : out);
    System.out.println(describe(result));
    return 0;
  }

  /** Renders the packets; a problem with the inputs becomes a one-line {@link UserError}. */
  static ReportResult render(Path run, Path previous, Path templates, Path out) {
    ReportRequest request = ReportRequest.of(run, out);
    if (previous != null) {
      request = request.withPrevious(previous);
    }
    if (templates != null) {
      request = request.withTemplates(templates);
    }
    try {
      return new ReportGenerator().generate(request);
    } catch (ReportException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  static String describe(ReportResult result) {
    return String.format(
        "%d credentials, %d owner packets; open %s",
        result.credentials(), result.owners().size(), result.index());
  }

  private static void requireDirectory(Path dir, String option) {
    if (dir != null && !Files.isDirectory(dir)) {
      throw new UserError(option + " folder not found: " + dir);
    }
  }
}
