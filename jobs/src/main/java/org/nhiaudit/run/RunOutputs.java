package org.nhiaudit.run;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.risk.Score;
import org.nhiaudit.usage.CredentialUsage;

/**
 * The files of a run directory, a contract that scripts and the report step rely on:
 *
 * <ul>
 *   <li>{@code run-summary.json}: a {@link RunSummary};
 *   <li>{@code scores.jsonl}: one {@link Score} per line, highest risk first;
 *   <li>{@code usage.jsonl}: one {@link CredentialUsage} per credential;
 *   <li>{@code identity-usage.jsonl}: the same aggregate rolled up per identity;
 *   <li>{@code dead-letter.jsonl}: one {@link DeadLetter} per rejected record.
 * </ul>
 */
public final class RunOutputs {

  public static final String SUMMARY = "run-summary.json";
  public static final String SCORES = "scores.jsonl";
  public static final String USAGE = "usage.jsonl";
  public static final String IDENTITY_USAGE = "identity-usage.jsonl";
  public static final String DEAD_LETTER = "dead-letter.jsonl";

  private RunOutputs() {}

  public static void writeSummary(Path dir, RunSummary summary) throws IOException {
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SUMMARY).toFile(), summary);
  }

  public static RunSummary readSummary(Path dir) throws IOException {
    return Json.MAPPER.readValue(required(dir, SUMMARY).toFile(), RunSummary.class);
  }

  public static List<Score> readScores(Path dir) throws IOException {
    return readLines(required(dir, SCORES), Score.class);
  }

  public static List<CredentialUsage> readUsage(Path dir) throws IOException {
    return readLines(required(dir, USAGE), CredentialUsage.class);
  }

  public static List<DeadLetter> readDeadLetters(Path dir) throws IOException {
    return readLines(required(dir, DEAD_LETTER), DeadLetter.class);
  }

  /** Reads a JSON-lines file of {@code type}; a bad line fails with its file and line. */
  public static <T> List<T> readLines(Path file, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    ObjectReader reader = Json.MAPPER.readerFor(type);
    try (MappingIterator<T> it = reader.readValues(file.toFile())) {
      while (it.hasNextValue()) {
        out.add(it.nextValue());
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Path required(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "not a run directory: " + dir + " has no " + name + " (run 'nhi-audit batch' first)");
    }
    return file;
  }

  /** Writes values of one type as JSON lines. */
  public static final class LineWriter<T> implements Closeable {
    private final BufferedWriter out;
    private final ObjectWriter writer = Json.MAPPER.writer();
    private long count;

    public LineWriter(Path file) throws IOException {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    public void write(T value) {
      try {
        out.write(writer.writeValueAsString(value));
        out.write('\n');
        count++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public long count() {
      return count;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
