package org.nhiaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Building records without what no parser reads must not change a single outcome. Every file of the
 * project's samples and of the shared public datasets is read twice, with pruning and with whole
 * records, by the default parsers and by each parser forced alone; the whole output (events, dead
 * letters with their reasons, lines and indexes, file summaries and counts) must be the same.
 */
class PruningEquivalenceTest {

  @Test
  void sampleLogs() throws IOException {
    Path samples = Path.of(System.getProperty("nhiaudit.root", ".")).resolve("sample-logs");
    assertThat(samples).isDirectory();

    Coverage coverage = compareAll(files(samples));

    assertThat(coverage.files).isGreaterThan(1_000);
    assertThat(coverage.records).isGreaterThan(10_000);
    // Every format but entra-audit, which the shared datasets bring.
    assertThat(coverage.parsedBy)
        .containsAll(
            ParserRegistry.defaults().formats().stream()
                .filter(f -> !f.equals("entra-audit"))
                .toList());
    System.out.println("pruning equivalence, sample-logs: " + coverage);
  }

  @Test
  void sharedDatasets() throws IOException {
    String shared = System.getProperty("nhiaudit.shared");
    Path datasets = shared == null ? null : Path.of(shared, "datasets");
    Assumptions.assumeTrue(
        datasets != null && Files.isDirectory(datasets),
        "shared datasets not found at " + datasets + ": skipping");

    Coverage coverage = compareAll(files(datasets));

    assertThat(coverage.records).isGreaterThan(3_000);
    assertThat(coverage.parsedBy).contains("entra-audit");
    System.out.println("pruning equivalence, shared datasets: " + coverage);
  }

  /** Every registry prunes: the defaults, and each parser alone. */
  @Test
  void everyShippedRegistryPrunes() {
    assertThat(registries()).allSatisfy(r -> assertThat(r.reads().isAll()).isFalse());
  }

  private static List<ParserRegistry> registries() {
    List<ParserRegistry> registries = new ArrayList<>();
    registries.add(ParserRegistry.defaults());
    for (String format : ParserRegistry.defaults().formats()) {
      registries.add(ParserRegistry.forFormat(format));
    }
    return registries;
  }

  private static Coverage compareAll(List<Path> files) throws IOException {
    Coverage coverage = new Coverage();
    List<ParserRegistry> registries = registries();
    for (Path file : files) {
      byte[] stored = Files.readAllBytes(file);
      for (ParserRegistry registry : registries) {
        List<IngestItem> whole = read(file, stored, registry, false);
        List<IngestItem> pruned = read(file, stored, registry, true);
        assertThat(pruned)
            .as("%s read by %s", file, registry.formats())
            .containsExactlyElementsOf(whole);
        if (registry.formats().size() > 1) {
          coverage.add(whole);
        }
      }
    }
    return coverage;
  }

  private static List<IngestItem> read(
      Path file, byte[] stored, ParserRegistry registry, boolean prune) throws IOException {
    List<IngestItem> items = new ArrayList<>();
    try (InputStream in = new java.io.ByteArrayInputStream(stored);
        LogFileReader reader = LogFileReader.open(file.toString(), in, registry, prune)) {
      for (IngestItem item = reader.next(); item != null; item = reader.next()) {
        items.add(item);
      }
    }
    return items;
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals("SOURCE.md"))
          .sorted()
          .toList();
    }
  }

  /** What the default registry made of the files compared. */
  private static final class Coverage {
    long files;
    long records;
    long events;
    long rejections;
    final java.util.Set<String> parsedBy = new java.util.TreeSet<>();

    void add(List<IngestItem> items) {
      files++;
      for (IngestItem item : items) {
        if (item instanceof IngestItem.Event) {
          events++;
        } else if (item instanceof IngestItem.Reject) {
          rejections++;
        } else if (item instanceof IngestItem.Summary s) {
          records += s.summary().read();
          parsedBy.addAll(s.summary().formats());
        }
      }
    }

    @Override
    public String toString() {
      return files
          + " files, "
          + records
          + " records ("
          + events
          + " events, "
          + rejections
          + " rejections; formats "
          + parsedBy
          + "), each compared under "
          + registries().size()
          + " registries";
    }
  }
}
