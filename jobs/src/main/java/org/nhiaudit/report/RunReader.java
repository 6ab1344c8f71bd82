package org.nhiaudit.report;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.risk.Score;
import org.nhiaudit.run.RunOutputs;
import org.nhiaudit.run.RunSummary;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Reads a run directory for the report. Scores and usage are streamed one line at a time, so the
 * report holds its own compact views rather than every parsed record at once.
 */
final class RunReader {

  private final Path dir;

  RunReader(Path dir, String role) {
    if (!Files.isDirectory(dir)) {
      throw new ReportException(role + " run directory does not exist: " + dir);
    }
    this.dir = dir;
  }

  RunSummary summary() {
    try {
      return RunOutputs.readSummary(dir);
    } catch (IOException e) {
      throw new ReportException(
          "cannot read " + dir.resolve(RunOutputs.SUMMARY) + ": " + e.getMessage(), e);
    }
  }

  void eachScore(Consumer<Score> action) {
    each(RunOutputs.SCORES, Score.class, action);
  }

  void eachUsage(Consumer<CredentialUsage> action) {
    each(RunOutputs.USAGE, CredentialUsage.class, action);
  }

  private <T> void each(String name, Class<T> type, Consumer<T> action) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new ReportException("not a run directory: " + dir + " has no " + name);
    }
    try (MappingIterator<T> it = Json.MAPPER.readerFor(type).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        action.accept(it.nextValue());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ReportException r) {
        throw r;
      }
      throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
