package org.nhiaudit.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.nhiaudit.ingest.Json;

/**
 * The common part of the log slices of the platforms besides AWS: one seeded random source per
 * platform (so that adding a platform leaves the others' files alone), the window, and writing the
 * records of one month per file in time order.
 */
abstract class PlatformSlice {

  final SampleOptions options;
  final Random random;
  final Ids ids;
  private final List<Stamped> records = new ArrayList<>();
  private long sequence;

  PlatformSlice(SampleOptions options, long salt) {
    this.options = options;
    this.random = new Random(options.seed() * 1_000_003L + salt);
    this.ids = new Ids(random);
  }

  /** Writes the slice's logs (and with {@code --inventory} its exports) and says what it wrote. */
  abstract PlatformLog write() throws IOException;

  LocalDate firstDay() {
    return options.end().minusDays(options.days() - 1L);
  }

  /** The day {@code days} before the window's last day. */
  LocalDate daysBeforeEnd(long days) {
    return options.end().minusDays(days);
  }

  /** Calls {@code day} for every day of the window, oldest first. */
  void eachDay(Consumer<LocalDate> day) {
    for (LocalDate d = firstDay(); !d.isAfter(options.end()); d = d.plusDays(1)) {
      day.accept(d);
    }
  }

  /** A random moment of {@code date} between the two hours (UTC). */
  Instant timeOn(LocalDate date, int fromHour, int toHour) {
    int seconds = random.nextInt(Math.max(1, toHour - fromHour) * 3600);
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(fromHour * 3600L + seconds);
  }

  /** About {@code mean} calls, at least one. */
  int calls(int mean) {
    return Math.max(1, mean / 2 + random.nextInt(mean + 1));
  }

  static boolean weekend(LocalDate date) {
    return date.getDayOfWeek().getValue() >= 6;
  }

  static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }

  void add(Instant time, ObjectNode record) {
    records.add(new Stamped(time, sequence++, record));
  }

  long recordCount() {
    return records.size();
  }

  /** Writes the records as JSON lines, one file per month named by {@code name}. */
  List<Path> writeJsonLines(Path folder, String prefix, String suffix) throws IOException {
    return writeMonths(folder, prefix, suffix, false);
  }

  /** Writes the records as one JSON array per month, as an API page dump holds them. */
  List<Path> writeJsonArrays(Path folder, String prefix, String suffix) throws IOException {
    return writeMonths(folder, prefix, suffix, true);
  }

  private List<Path> writeMonths(Path folder, String prefix, String suffix, boolean array)
      throws IOException {
    Files.createDirectories(folder);
    TreeMap<String, List<Stamped>> months = new TreeMap<>();
    records.stream()
        .sorted(Comparator.comparing(Stamped::time).thenComparing(Stamped::sequence))
        .forEach(
            r ->
                months
                    .computeIfAbsent(r.time().toString().substring(0, 7), k -> new ArrayList<>())
                    .add(r));
    List<Path> files = new ArrayList<>();
    for (var month : months.entrySet()) {
      Path file = folder.resolve(prefix + month.getKey() + suffix);
      Files.writeString(file, text(month.getValue(), array));
      files.add(file);
    }
    return files;
  }

  private static String text(List<Stamped> month, boolean array) throws JsonProcessingException {
    StringBuilder out = new StringBuilder(array ? "[\n" : "");
    for (int i = 0; i < month.size(); i++) {
      out.append(Json.MAPPER.writeValueAsString(month.get(i).record()));
      out.append(array && i + 1 < month.size() ? ",\n" : "\n");
    }
    return out.append(array ? "]\n" : "").toString();
  }

  /** Writes a pretty-printed JSON inventory export. */
  static void writeExport(Path file, Object json) throws IOException {
    Files.createDirectories(file.getParent());
    String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    Files.writeString(file, text + "\n");
  }

  static String iso(Instant time) {
    return time.toString();
  }

  static Instant at(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private record Stamped(Instant time, long sequence, ObjectNode record) {}
}
