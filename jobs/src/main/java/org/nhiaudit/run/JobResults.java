package org.nhiaudit.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.job.JobRecord;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Receives the batch job's records as they arrive: usage and dead letters are written straight to
 * their files, file summaries and the per-credential usage are kept for scoring and the summary.
 */
final class JobResults implements Consumer<JobRecord>, Closeable {

  private final BufferedWriter usage;
  private final BufferedWriter identityUsage;
  private final BufferedWriter deadLetters;
  private final List<CredentialUsage> credentials = new ArrayList<>();
  private final List<FileSummary> files = new ArrayList<>();
  private long deadLetterCount;

  JobResults(Path dir) throws IOException {
    usage = Files.newBufferedWriter(dir.resolve(RunOutputs.USAGE), StandardCharsets.UTF_8);
    identityUsage =
        Files.newBufferedWriter(dir.resolve(RunOutputs.IDENTITY_USAGE), StandardCharsets.UTF_8);
    deadLetters =
        Files.newBufferedWriter(dir.resolve(RunOutputs.DEAD_LETTER), StandardCharsets.UTF_8);
  }

  @Override
  public void accept(JobRecord record) {
    try {
      switch (record.kind()) {
        case USAGE -> {
          line(usage, record.json());
          credentials.add(Json.MAPPER.readValue(record.json(), CredentialUsage.class));
        }
        case IDENTITY_USAGE -> line(identityUsage, record.json());
        case DEAD_LETTER -> {
          line(deadLetters, record.json());
          deadLetterCount++;
        }
        case FILE -> files.add(Json.MAPPER.readValue(record.json(), FileSummary.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Usage per credential, in credential order. */
  List<CredentialUsage> credentials() {
    credentials.sort(Comparator.comparing(CredentialUsage::key));
    return credentials;
  }

  /** Per-file accounting, in path order. */
  List<FileSummary> files() {
    files.sort(Comparator.comparing(FileSummary::path));
    return files;
  }

  long deadLetters() {
    return deadLetterCount;
  }

  @Override
  public void close() throws IOException {
    try (usage;
        identityUsage;
        deadLetters) {
      // closes all three, even when one fails
    }
  }

  private static void line(BufferedWriter out, String json) throws IOException {
    out.write(json);
    out.write('\n');
  }
}
