package org.nhiaudit.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to report on and where to write it.
 *
 * @param run the run directory to report on
 * @param previous an earlier run directory to compare with, or null
 * @param templates a directory of restyled templates, or null for the ones inside the jar
 * @param out the directory the packets are written to; created when missing
 */
public record ReportRequest(Path run, Path previous, Path templates, Path out) {

  public ReportRequest {
    Objects.requireNonNull(run, "run directory");
    Objects.requireNonNull(out, "output directory");
  }

  /** A request without a previous run and with the bundled templates. */
  public static ReportRequest of(Path run, Path out) {
    return new ReportRequest(run, null, null, out);
  }

  public ReportRequest withPrevious(Path previousRun) {
    return new ReportRequest(run, previousRun, templates, out);
  }

  public ReportRequest withTemplates(Path templateDir) {
    return new ReportRequest(run, previous, templateDir, out);
  }

  public Optional<Path> previousRun() {
    return Optional.ofNullable(previous);
  }

  public Optional<Path> templateDir() {
    return Optional.ofNullable(templates);
  }
}
