package org.nhiaudit.job;

import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;
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
    runPerEvent(sink);
  }

  /**
   * The job through Flink's file source, one split per file and every event through the per-event
   * pipeline that streaming input uses.
   */
  public void runPerEvent(Consumer<JobRecord> sink) throws Exception {
    StreamExecutionEnvironment env = environment();
    FileSource<IngestItem> source =
        FileSource.forBulkFileFormat(
                new AuditLogFormat(registry), logRoots.stream().map(Path::new).toArray(Path[]::new))
            .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new LogFileFilter()))
            .build();
    DataStream<IngestItem> items =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "audit logs").uid("audit-logs");

    try (CloseableIterator<JobRecord> results =
        UsagePipeline.build(items).executeAndCollect("nhi-audit batch")) {
      results.forEachRemaining(sink);
    }
  }

  private StreamExecutionEnvironment environment() {
    Configuration config = new Configuration();
    config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    Serialization.configure(config);
    // Every type that flows between operators is immutable, so chained operators may share
    // instances instead of copying them.
    config.set(PipelineOptions.OBJECT_REUSE, true);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    if (parallelism > 0) {
      env.setParallelism(parallelism);
    }
    return env;
  }
}
