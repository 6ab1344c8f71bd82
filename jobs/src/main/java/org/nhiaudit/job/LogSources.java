package org.nhiaudit.job;

import java.util.List;
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
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.ParserRegistry;

/** The execution environment and the audit-log file source that the bounded jobs share. */
public final class LogSources {

  private LogSources() {}

  /** A batch-mode environment with the project's serializers; parallelism 0 keeps the default. */
  public static StreamExecutionEnvironment batchEnvironment(int parallelism) {
    return withParallelism(
        StreamExecutionEnvironment.getExecutionEnvironment(batchConfiguration()), parallelism);
  }

  /**
   * The batch-mode environment on {@code cluster}, started ahead of the job, or the usual one when
   * there is none (the program was submitted to a Flink cluster).
   */
  static StreamExecutionEnvironment batchEnvironment(EmbeddedCluster cluster, int parallelism)
      throws Exception {
    StreamExecutionEnvironment early = cluster == null ? null : cluster.environment();
    return early == null ? batchEnvironment(parallelism) : withParallelism(early, parallelism);
  }

  /** The settings of every bounded job: batch mode, the project's serializers, object reuse. */
  static Configuration batchConfiguration() {
    Configuration config = new Configuration();
    config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    Serialization.configure(config);
    // Every type that flows between operators is immutable, so chained operators may share
    // instances instead of copying them.
    config.set(PipelineOptions.OBJECT_REUSE, true);
    return config;
  }

  private static StreamExecutionEnvironment withParallelism(
      StreamExecutionEnvironment env, int parallelism) {
    if (parallelism > 0) {
      env.setParallelism(parallelism);
    }
    return env;
  }

  /** Every file under {@code roots} read once, as events, rejections and file summaries. */
  public static DataStream<IngestItem> files(
      StreamExecutionEnvironment env, List<String> roots, ParserRegistry registry) {
    FileSource<IngestItem> source =
        FileSource.forBulkFileFormat(
                new AuditLogFormat(registry), roots.stream().map(Path::new).toArray(Path[]::new))
            .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new LogFileFilter()))
            .build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "audit logs").uid("audit-logs");
  }
}
