package org.nhiaudit.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.inventory.Inventory;
import org.nhiaudit.risk.RiskConfig;
import org.nhiaudit.risk.Score;
import org.nhiaudit.risk.Scorer;
import org.nhiaudit.risk.Subjects;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Writes a run directory from what a streaming job holds at one moment: the same files, scored the
 * same way, as a batch run over the events read so far. The directory is written beside its final
 * place and then swapped in by two renames: a reader never sees half a snapshot, though between the
 * renames, for an instant, it sees none.
 *
 * <p>As in a batch run, ages are measured against the newest event read. The dead-letter file holds
 * only the rejections the job kept (the most recent ones); the summary counts all of them.
 */
public final class SnapshotRun {

  private SnapshotRun() {}

  /** What a snapshot is made of. */
  public record Contents(
      Collection<CredentialUsage> usage,
      Collection<CredentialUsage> identityUsage,
      Collection<FileSummary> files,
      List<DeadLetter> recentDeadLetters,
      long deadLetters,
      Inventory inventory,
      boolean inventoryGiven,
      RiskConfig config) {}

  /**
   * Writes {@code contents} as the run directory {@code dir}; returns false, writing nothing, when
   * no event has been read yet.
   */
  public static boolean write(Path dir, Contents contents) throws IOException {
    List<CredentialUsage> usage =
        contents.usage().stream().sorted(Comparator.comparing(CredentialUsage::key)).toList();
    Instant asOf =
        usage.stream().map(CredentialUsage::lastSeen).max(Comparator.naturalOrder()).orElse(null);
    if (asOf == null) {
      return false;
    }
    Path staging = dir.resolveSibling("." + dir.getFileName() + ".new");
    deleteTree(staging);
    Files.createDirectories(staging);
    lines(staging.resolve(RunOutputs.USAGE), usage);
    lines(
        staging.resolve(RunOutputs.IDENTITY_USAGE),
        contents.identityUsage().stream()
            .sorted(Comparator.comparing(CredentialUsage::key))
            .toList());
    lines(staging.resolve(RunOutputs.DEAD_LETTER), contents.recentDeadLetters());
    List<Score> scores =
        new Scorer(contents.config())
            .rank(Subjects.join(usage, contents.inventory(), contents.inventoryGiven()), asOf);
    lines(staging.resolve(RunOutputs.SCORES), scores);
    RunOutputs.writeSummary(staging, summary(contents, asOf, scores));
    swap(staging, dir);
    return true;
  }

  private static RunSummary summary(Contents contents, Instant asOf, List<Score> scores) {
    List<FileSummary> files =
        contents.files().stream().sorted(Comparator.comparing(FileSummary::path)).toList();
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("source", "stream snapshot");
    configuration.putAll(contents.config().asMap());
    return new RunSummary(
        ToolVersion.tool(),
        asOf,
        "newest-event",
        files.stream()
            .map(FileSummary::firstEvent)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null),
        files.stream()
            .map(FileSummary::lastEvent)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(asOf),
        RunSummary.Totals.of(files),
        files,
        contents.inventory().inputs().stream()
            .map(
                i ->
                    new RunSummary.InventoryFile(
                        i.path(),
                        i.sha256(),
                        i.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        i.rows()))
            .toList(),
        scores.size(),
        contents.deadLetters(),
        BatchRun.notEvaluated(scores),
        configuration);
  }

  private static <T> void lines(Path file, Collection<T> values) throws IOException {
    try (RunOutputs.LineWriter<T> writer = new RunOutputs.LineWriter<>(file)) {
      values.forEach(writer::write);
    }
  }

  /** Replaces {@code dir} by {@code staging} with renames, keeping the old one until the end. */
  private static void swap(Path staging, Path dir) throws IOException {
    Path old = dir.resolveSibling("." + dir.getFileName() + ".old");
    deleteTree(old);
    if (Files.exists(dir)) {
      Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
