package org.nhiaudit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.nhiaudit.sample.SampleCompany;
import org.nhiaudit.sample.SampleOptions;
import org.nhiaudit.sample.SampleSummary;

/**
 * The batch job and DuckDB side by side over the same generated CloudTrail (S3 delivery objects,
 * gzip, records of about 1 KB), at each size and core count asked for; then the report at each
 * credential count. Prints figures only: nothing here passes or fails on time. It does fail when
 * the two engines disagree on any credential.
 *
 * <p>Arguments (all optional): {@code --events 1000000,5000000 --cores 1,2 --work DIR --reports
 * 10000,100000 --job flink|per-event}. Generated data is kept in the work folder and reused by
 * later runs. {@code --job per-event} measures the job's per-event path (file source, every event
 * shuffled) instead of the bounded one.
 */
public final class PipelineBench {

  private static final double MB = 1e6;

  private PipelineBench() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Files.createDirectories(options.work);
    Path tiny = tinyDataSet(options.work, dataSet(options.work, options.events.get(0)));
    Result startup = Worker.run(options.job, tiny, 1, options.work);
    System.out.printf(
        Locale.ROOT,
        "fixed start-up: the embedded job over one delivery object takes %.2f s (%.2f s CPU)%n",
        startup.seconds,
        startup.cpuSeconds);
    printHeader();
    for (int events : options.events) {
      Path logs = dataSet(options.work, events);
      Properties size = sizes(logs);
      for (int cores : options.cores) {
        Result job = Worker.run(options.job, logs, cores, options.work);
        Result duck = Worker.run("duckdb", logs, cores, options.work);
        List<String> problems =
            Aggregate.differences(Aggregate.read(job.rows), Aggregate.read(duck.rows));
        printRow("nhi-audit", size, cores, job, duck, problems.isEmpty());
        printRow("duckdb", size, cores, duck, duck, problems.isEmpty());
        if (!problems.isEmpty()) {
          problems.stream().limit(10).forEach(p -> System.out.println("  DIFFERS " + p));
          throw new IllegalStateException(problems.size() + " credential(s) differ");
        }
      }
    }
    for (int credentials : options.reports) {
      Worker.report(credentials, options.work);
    }
  }

  /** The generated logs for {@code events}, generated on first use. */
  private static Path dataSet(Path work, int events) throws IOException {
    Path root = work.resolve("events-" + events);
    Path logs = root.resolve("cloudtrail");
    Path done = root.resolve("dataset.properties");
    if (Files.exists(done)) {
      return logs;
    }
    System.out.printf(Locale.ROOT, "generating %,d events in %s ...%n", events, root);
    SampleOptions options =
        new SampleOptions(
            root,
            SampleOptions.DEFAULT_SEED,
            SampleOptions.DEFAULT_END,
            SampleOptions.DEFAULT_DAYS,
            events,
            false);
    SampleSummary summary = SampleCompany.generate(options);
    // The generator plants one truncated object to exercise dead letters. DuckDB would refuse the
    // whole object where the job keeps the records before the cut, so it is left out here.
    Files.delete(root.resolve(summary.damagedObject()));
    Properties size = measure(logs);
    size.setProperty("records", Long.toString(summary.events()));
    try (var out = Files.newOutputStream(done)) {
      size.store(out, "benchmark data set");
    }
    return logs;
  }

  private static Properties measure(Path logs) throws IOException {
    long files = 0;
    long stored = 0;
    long json = 0;
    try (Stream<Path> all = Files.walk(logs)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files++;
        stored += Files.size(file);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
          json += in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
    }
    Properties size = new Properties();
    size.setProperty("files", Long.toString(files));
    size.setProperty("stored", Long.toString(stored));
    size.setProperty("json", Long.toString(json));
    return size;
  }

  private static Properties sizes(Path logs) throws IOException {
    Properties size = new Properties();
    try (var in = Files.newInputStream(logs.resolveSibling("dataset.properties"))) {
      size.load(in);
    }
    return size;
  }

  /** One delivery object copied alone: the job's fixed cost is its time over this. */
  private static Path tinyDataSet(Path work, Path logs) throws IOException {
    Path tiny = work.resolve("tiny/cloudtrail");
    if (!Files.exists(tiny)) {
      Files.createDirectories(tiny);
      try (Stream<Path> all = Files.walk(logs)) {
        Path first = all.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        Files.copy(first, tiny.resolve(first.getFileName()));
      }
    }
    return tiny;
  }

  private static void printHeader() {
    System.out.printf(
        Locale.ROOT,
        "%-10s %9s %6s %5s %8s %8s %10s %8s %8s %8s %8s %7s %6s%n",
        "engine",
        "records",
        "files",
        "cores",
        "seconds",
        "cpu s",
        "events/s",
        "MB/s",
        "gzMB/s",
        "heapMiB",
        "rssMiB",
        "vsDuck",
        "agree");
  }

  private static void printRow(
      String engine, Properties size, int cores, Result r, Result duck, boolean agree) {
    long records = Long.parseLong(size.getProperty("records"));
    double ratio = duck.seconds / r.seconds;
    System.out.printf(
        Locale.ROOT,
        "%-10s %9d %6s %5d %8.2f %8.2f %10.0f %8.1f %8.1f %8d %8d %7.2f %6s%n",
        engine,
        records,
        size.getProperty("files"),
        cores,
        r.seconds,
        r.cpuSeconds,
        records / r.seconds,
        Long.parseLong(size.getProperty("json")) / MB / r.seconds,
        Long.parseLong(size.getProperty("stored")) / MB / r.seconds,
        r.heapMiB,
        r.rssMiB,
        ratio,
        agree ? "yes" : "NO");
  }

  /** What one worker process reported. */
  record Result(double seconds, double cpuSeconds, long heapMiB, long rssMiB, Path rows) {}

  /** Runs the workers as child JVMs, pinned to the first {@code cores} CPUs where possible. */
  private static final class Worker {

    static Result run(String engine, Path logs, int cores, Path work) throws Exception {
      Path rows = work.resolve(engine + ".rows");
      List<String> command = pinned(cores);
      command.addAll(java(BenchWorker.class));
      command.addAll(List.of(engine, logs.toString(), Integer.toString(cores), rows.toString()));
      Map<String, String> figures = parse(exec(command, false));
      return new Result(
          Double.parseDouble(figures.get("seconds")),
          Double.parseDouble(figures.get("cpuSeconds")),
          Long.parseLong(figures.get("heapPeakMiB")),
          Long.parseLong(figures.get("rssPeakMiB")),
          rows);
    }

    static void report(int credentials, Path work) throws Exception {
      System.out.printf(Locale.ROOT, "report at %,d credentials:%n", credentials);
      List<String> command = java(org.nhiaudit.report.bench.ReportBench.class);
      command.add(Integer.toString(credentials));
      command.add(work.resolve("report-" + credentials).toString());
      exec(command, true);
    }

    private static List<String> pinned(int cores) {
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(Path.of("/usr/bin/taskset"))
          && cores < Runtime.getRuntime().availableProcessors()) {
        command.addAll(List.of("/usr/bin/taskset", "-c", "0-" + (cores - 1)));
      }
      return command;
    }

    private static List<String> java(Class<?> main) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "--add-opens=java.base/java.util=ALL-UNNAMED",
              "--add-opens=java.base/java.lang=ALL-UNNAMED",
              "-cp",
              System.getProperty("java.class.path"),
              main.getName()));
      return command;
    }

    private static List<String> exec(List<String> command, boolean echo) throws Exception {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lines.add(line);
          if (echo) {
            System.out.println("  " + line);
          }
        }
      }
      if (process.waitFor() != 0) {
        lines.forEach(System.err::println);
        throw new IllegalStateException("failed: " + String.join(" ", command));
      }
      return lines;
    }

    private static Map<String, String> parse(List<String> lines) {
      String result =
          lines.stream()
              .filter(l -> l.startsWith("RESULT "))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no RESULT line: " + lines));
      Map<String, String> figures = new java.util.HashMap<>();
      for (String pair : result.substring("RESULT ".length()).split(" ")) {
        String[] kv = pair.split("=", 2);
        figures.put(kv[0], kv[1]);
      }
      return figures;
    }
  }

  /** The command line. */
  private record Options(
      List<Integer> events, List<Integer> cores, Path work, List<Integer> reports, String job) {

    static Options parse(String[] args) {
      List<Integer> events = List.of(1_000_000);
      List<Integer> cores = List.of(1, 2);
      List<Integer> reports = List.of(10_000, 100_000);
      Path work = Path.of(System.getProperty("java.io.tmpdir"), "nhi-audit-bench");
      String job = "flink";
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--events" -> events = numbers(args[i + 1]);
          case "--cores" -> cores = numbers(args[i + 1]);
          case "--reports" -> reports = numbers(args[i + 1]);
          case "--work" -> work = Path.of(args[i + 1]);
          case "--job" -> job = args[i + 1];
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
      }
      return new Options(events, cores, work, reports, job);
    }

    private static List<Integer> numbers(String list) {
      if (list.isBlank() || "none".equals(list)) {
        return List.of();
      }
      return Stream.of(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
  }
}
