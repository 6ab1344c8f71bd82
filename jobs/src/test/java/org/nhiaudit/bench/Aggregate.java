package org.nhiaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One credential's figures as both engines compute them: the columns the benchmark compares.
 * Written one per line, tab-separated, so that each engine's process leaves a file the driver reads
 * back.
 *
 * @param first epoch second of the earliest event
 * @param last epoch second of the latest event
 */
record Aggregate(
    String key, long events, long first, long last, long actions, long addresses, long denied) {

  String line() {
    return String.join(
        "\t",
        key,
        Long.toString(events),
        Long.toString(first),
        Long.toString(last),
        Long.toString(actions),
        Long.toString(addresses),
        Long.toString(denied));
  }

  static Aggregate parse(String line) {
    String[] f = line.split("\t", -1);
    return new Aggregate(
        f[0],
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Long.parseLong(f[3]),
        Long.parseLong(f[4]),
        Long.parseLong(f[5]),
        Long.parseLong(f[6]));
  }

  static void write(Path file, List<Aggregate> rows) throws IOException {
    List<String> lines = new ArrayList<>();
    rows.forEach(r -> lines.add(r.line()));
    lines.sort(null);
    Files.write(file, lines);
  }

  static Map<String, Aggregate> read(Path file) throws IOException {
    Map<String, Aggregate> rows = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      Aggregate row = parse(line);
      rows.put(row.key(), row);
    }
    return rows;
  }

  /** Lines describing where {@code b} differs from {@code a}; empty when they agree. */
  static List<String> differences(Map<String, Aggregate> a, Map<String, Aggregate> b) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Aggregate> row : a.entrySet()) {
      Aggregate other = b.get(row.getKey());
      if (!row.getValue().equals(other)) {
        problems.add("job " + row.getValue() + " vs duckdb " + other);
      }
    }
    for (String key : b.keySet()) {
      if (!a.containsKey(key)) {
        problems.add("only in duckdb: " + b.get(key));
      }
    }
    return problems;
  }
}
