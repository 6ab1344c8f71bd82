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
 * 10000,100000 --job flink|per-event --repeat 3}. Generated data is kept in the work folder and
 * reused by later runs. {@code --job per-event} measures the job's per-event path (file source,
 * every event shuffled) instead of the bounded one. Each engine runs {@code --repeat} times per
 * size and core count, the two taking turns; the row shows each engine's run of median time, and
 * the ratio is between those medians.
 */
public final class PipelineBench {

  private static final double MB = 1e6;

  private PipelineBench() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Files.createDirectories(options.work);
    Path tiny = tinyDataSet(options.work, dataSet(options.work, options.events.get(0)));
    startUp(options, tiny);
    printHeader();
    for (int events : options.events) {
      Path logs = dataSet(options.work, events);
      Properties size = sizes(logs);
      // Both engines read from the page cache: the first to run would otherwise also pay for disk.
      warmCache(logs);
      for (int cores : options.cores) {
        // The engines take turns, so that a slower spell of the machine falls on both.
        List<Result> jobs = new ArrayList<>();
        List<Result> ducks = new ArrayList<>();
        for (int run = 0; run < options.repeat; run++) {
          Result job = Worker.run(options.job, logs, cores, options.work);
          Result duck = Worker.run("duckdb", logs, cores, options.work);
          List<String> problems =
              Aggregate.differences(Aggregate.read(job.rows), Aggregate.read(duck.rows));
          if (!problems.isEmpty()) {
            problems.stream().limit(10).forEach(p -> System.out.println("  DIFFERS " + p));
            throw new IllegalStateException(problems.size() + " credential(s) differ");
          }
          jobs.add(job);
          ducks.add(duck);
        }
        Result job = medianRun(jobs);
        Result duck = medianRun(ducks);
        printRow("nhi-audit", size, cores, job, duck);
        printRow("duckdb", size, cores, duck, duck);
        if (options.repeat > 1) {
          System.out.printf(
              Locale.ROOT,
              "  %d runs each, seconds: nhi-audit %s; duckdb %s%n",
              options.repeat,
              seconds(jobs),
              seconds(ducks));
        }
      }
    }
    for (int credentials : options.reports) {
      Worker.report(credentials, options.work);
    }
  }

  /**
   * The fixed cost, over one delivery object, on all cores: the job alone inside its JVM, and the
   * README's whole command ({@code scripts/nhi-audit batch}, JVM start and exit included). Each is
   * the median of three runs.
   */
  private static void startUp(Options options, Path tiny) throws Exception {
    warmCache(tiny);
    int cores = Runtime.getRuntime().availableProcessors();
    List<Double> job = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Double> command = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Result r = Worker.run(options.job, tiny, cores, options.work);
      job.add(r.seconds);
      cpu.add(r.cpuSeconds);
      command.add(Worker.launcher(tiny, options.work));
    }
    System.out.printf(
        Locale.ROOT,
        "fixed start-up over one delivery object, %d cores, median of 3: the job %.2f s"
            + " (%.2f s CPU); the whole 'scripts/nhi-audit batch' command %.2f s%n",
        cores,
        median(job),
        median(cpu),
        median(command));
  }

  /** The run of median wall time; its other figures are that run's own. */
  private static Result medianRun(List<Result> runs) {
    List<Result> sorted =
        runs.stream().sorted(java.util.Comparator.comparingDouble(Result::seconds)).toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String seconds(List<Result> runs) {
    return String.join(
        " ", runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.seconds)).toList());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** Reads every file once, so that the runs after it find them in the page cache. */
  private static void warmCache(Path logs) throws IOException {
    try (Stream<Path> all = Files.walk(logs)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
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

  private static void printRow(String engine, Properties size, int cores, Result r, Result duck) {
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
        // a row is printed only once every run of both engines agreed
        "yes");
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

    /**
     * A worker JVM started as the launcher starts the job: its JVM options and, when the launcher
     * has written one, its class-data archive. The launcher's classpath comes first, as the archive
     * requires; the benchmark's own classes and DuckDB follow it.
     */
    private static List<String> java(Class<?> main) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      String launcher = System.getProperty("bench.launcherClasspath", "");
      Path archive = Path.of(System.getProperty("bench.archive", "none"));
      if (!launcher.isEmpty() && Files.exists(archive)) {
        command.add("-XX:SharedArchiveFile=" + archive);
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
      }
      String options = System.getProperty("bench.javaOptions");
      if (options != null) {
        for (String line : Files.readAllLines(Path.of(options))) {
          if (!line.isBlank() && !line.strip().startsWith("#")) {
            command.add(line.strip());
          }
        }
      } else {
        command.add("--add-opens=java.base/java.util=ALL-UNNAMED");
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
      }
      String own = System.getProperty("java.class.path");
      command.addAll(
          List.of("-cp", launcher.isEmpty() ? own : launcher + ":" + own, main.getName()));
      return command;
    }

    /** Wall seconds of the launcher's batch command over {@code logs}, without the packets. */
    static double launcher(Path logs, Path work) throws Exception {
      String script = System.getProperty("bench.launcher");
      if (script == null) {
        return Double.NaN;
      }
      List<String> command =
          List.of(
              script,
              "batch",
              "--logs",
              logs.toString(),
              "--out",
              work.resolve("launcher-out").toString(),
              "--no-report");
      long t0 = System.nanoTime();
      exec(command, false);
      return (System.nanoTime() - t0) / 1e9;
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
      List<Integer> events,
      List<Integer> cores,
      Path work,
      List<Integer> reports,
      String job,
      int repeat) {

    static Options parse(String[] args) {
      List<Integer> events = List.of(1_000_000);
      List<Integer> cores = List.of(1, 2);
      List<Integer> reports = List.of(10_000, 100_000);
      Path work = Path.of(System.getProperty("java.io.tmpdir"), "nhi-audit-bench");
      String job = "flink";
      int repeat = 3;
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--events" -> events = numbers(args[i + 1]);
          case "--cores" -> cores = numbers(args[i + 1]);
          case "--reports" -> reports = numbers(args[i + 1]);
          case "--work" -> work = Path.of(args[i + 1]);
          case "--job" -> job = args[i + 1];
          case "--repeat" -> repeat = Math.max(1, Integer.parseInt(args[i + 1]));
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
      }
      return new Options(events, cores, work, reports, job, repeat);
    }

    private static List<Integer> numbers(String list) {
      if (list.isBlank() || "none".equals(list)) {
        return List.of();
      }
      return Stream.of(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
  }
}
