package org.nhiaudit.job;

import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.ParserRegistry;

/**
 * The batch job: audit-log files in, {@link JobRecord}s out, in Flink's batch runtime mode. From a
 * plain {@code java} command it runs on a local mini cluster; submitted to a Flink cluster it runs
 * there, since the environment is whatever Flink provides.
 */
public final class BatchJob {

  private final List<String> logRoots;
  private final ParserRegistry registry;
  private final int parallelism;

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

  /** Runs the job to completion, handing each result to {@code sink} as it arrives. */
  public void run(Consumer<JobRecord> sink) throws Exception {
    StreamExecutionEnvironment env = LogSources.batchEnvironment(parallelism);
    DataStream<IngestItem> items = LogSources.files(env, logRoots, registry);

    try (CloseableIterator<JobRecord> results =
        UsagePipeline.build(items).executeAndCollect("nhi-audit batch")) {
      results.forEachRemaining(sink);
    }
  }
}
