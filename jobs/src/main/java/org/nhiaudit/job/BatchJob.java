package org.nhiaudit.job;

import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.ParserRegistry;

/**
 * The batch job: audit-log files in, {@link JobRecord}s out, in Flink's batch runtime mode. From a
 * plain {@code java} command it runs on a local mini cluster; submitted to a Flink cluster it runs
 * there, since the environment is whatever Flink provides.
 *
 * <p>The files are listed where the job is built and read by whole groups, each reader task folding
 * its events into per-credential partials ({@link BoundedPipeline}), so that only the partials are
 * shuffled. {@link #runPerEvent} is the path through Flink's file source that sends every event
 * through {@link UsagePipeline}, as unbounded input must.
 */
public final class BatchJob implements AutoCloseable {

  private final List<String> logRoots;
  private final ParserRegistry registry;
  private final int parallelism;
  private EmbeddedCluster cluster;

  /**
   * @param logRoots files or directories (read recursively); any URI scheme Flink supports
   * @param registry the parsers to try, possibly forced to one format
   * @param parallelism operator parallelism, or 0 for Flink's default
   */
  public BatchJob(List<String> logRoots, ParserRegistry registry, int parallelism) {
    this.logRoots = List.copyOf(logRoots);
    this.registry = registry;
    this.parallelism = parallelism;
  }

  /**
   * Starts the local cluster that {@link #run} will use, when this program runs locally, so that it
   * comes up while the caller does other work. Optional; {@link #close} stops it if unused.
   */
  public BatchJob startCluster() {
    if (cluster == null) {
      cluster = EmbeddedCluster.start(LogSources.batchConfiguration(), parallelism);
    }
    return this;
  }

  /**
   * Begins to start the local cluster of a batch run that has not been configured yet: for a
   * command-line entry point that knows it is about to run one, so that the cluster comes up while
   * the command line is parsed and checked. A later {@link #startCluster} takes it.
   */
  public static void startClusterAhead() {
    EmbeddedCluster.startAhead(LogSources.batchConfiguration());
  }

  /** Runs the job to completion, handing each result to {@code sink} as it arrives. */
  public void run(Consumer<JobRecord> sink) throws Exception {
    StreamExecutionEnvironment env = LogSources.batchEnvironment(cluster, parallelism);
    List<LogFiles.Entry> files = LogFiles.list(logRoots);
    if (files.isEmpty()) {
      return;
    }
    List<String[]> groups = LogFiles.groups(files, env.getParallelism());
    // Reader task i reads group i. A sequence source hands each task its own index, so reading
    // is chained to the source: no stage of its own, and no shuffle of the file list.
    DataStream<String[]> input =
        env.fromSequence(0, groups.size() - 1)
            .setParallelism(groups.size())
            .name("log files")
            .uid("log-files")
            .map(new GroupAt(groups))
            .setParallelism(groups.size())
            .name("file group");
    try (CloseableIterator<JobRecord> results =
        BoundedPipeline.build(input, registry).executeAndCollect("nhi-audit batch")) {
      results.forEachRemaining(sink);
    }
  }

  /**
   * The same job through Flink's file source, one split per file and every event through the
   * per-event pipeline that streaming input uses. Kept to compare with, and for inputs whose
   * listing is too large to travel in the job graph.
   */
  public void runPerEvent(Consumer<JobRecord> sink) throws Exception {
    StreamExecutionEnvironment env = LogSources.batchEnvironment(parallelism);
    DataStream<IngestItem> items = LogSources.files(env, logRoots, registry);

    try (CloseableIterator<JobRecord> results =
        UsagePipeline.build(items).executeAndCollect("nhi-audit batch")) {
      results.forEachRemaining(sink);
    }
  }

  /** The file group of an index; the groups travel inside the job graph. */
  private static final class GroupAt implements MapFunction<Long, String[]> {
    private final String[][] groups;

    GroupAt(List<String[]> groups) {
      this.groups = groups.toArray(String[][]::new);
    }

    @Override
    public String[] map(Long index) {
      return groups[Math.toIntExact(index)];
    }
  }

  /** Stops the cluster {@link #startCluster} started, unless a job took it over. */
  @Override
  public void close() {
    if (cluster != null) {
      cluster.close();
    }
  }
}
