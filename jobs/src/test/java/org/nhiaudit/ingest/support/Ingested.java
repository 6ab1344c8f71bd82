package org.nhiaudit.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.LogFileReader;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.ingest.Rejection;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;

/** Everything one or more files yielded through {@link LogFileReader}, for assertions. */
public record Ingested(
    List<AccessEvent> events, List<Rejection> rejections, List<FileSummary> summaries) {

  /** The shared dataset folder {@code relative}, or a skipped test when it is not there. */
  public static Path dataset(String relative) {
    String shared = System.getProperty("nhiaudit.shared");
    Path folder = shared == null ? null : Path.of(shared, "datasets", relative);
    Assumptions.assumeTrue(
        folder != null && Files.isDirectory(folder),
        "shared datasets not found at " + folder + ": skipping");
    return folder;
  }

  /** Every file in {@code folder} except SOURCE.md, read with the default parsers. */
  public static Ingested folder(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> data =
          files.filter(f -> !f.getFileName().toString().equals("SOURCE.md")).sorted().toList();
      Ingested all = new Ingested(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (Path file : data) {
        try (InputStream in = Files.newInputStream(file)) {
          all.add(file.toString(), in);
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code content} read as a file named {@code name}, with the default parsers. */
  public static Ingested text(String name, String content) {
    Ingested result = new Ingested(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    try {
      result.add(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  private void add(String name, InputStream in) throws IOException {
    try (LogFileReader reader = LogFileReader.open(name, in, ParserRegistry.defaults())) {
      for (IngestItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof IngestItem.Event e) {
          events.add(e.event());
        } else if (item instanceof IngestItem.Reject r) {
          rejections.add(r.rejection());
        } else if (item instanceof IngestItem.Summary s) {
          summaries.add(s.summary());
        }
      }
    }
  }

  public long read() {
    return summaries.stream().mapToLong(FileSummary::read).sum();
  }

  public long filtered() {
    return summaries.stream().mapToLong(FileSummary::filtered).sum();
  }

  /** Events per actor class. */
  public Map<ActorClass, Long> byClass() {
    return events.stream()
        .collect(Collectors.groupingBy(AccessEvent::actorClass, Collectors.counting()));
  }

  /** Events per key; events whose key is null are counted under the text "null". */
  public <K> Map<String, Long> count(Function<AccessEvent, K> key) {
    return events.stream()
        .collect(Collectors.groupingBy(e -> String.valueOf(key.apply(e)), Collectors.counting()));
  }

  /** The only event, failing when there is not exactly one. */
  public AccessEvent single() {
    assertThat(rejections).isEmpty();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  /** The only rejection's reason, failing when there is not exactly one. */
  public String singleRejection() {
    assertThat(events).isEmpty();
    assertThat(rejections).hasSize(1);
    return rejections.get(0).reason();
  }
}
