package org.nhiaudit.job;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.ParserRegistry;

/** The unbounded sources of the streaming job, each yielding the batch job's ingest items. */
final class StreamSources {

  private StreamSources() {}

  static DataStream<IngestItem> items(
      StreamExecutionEnvironment env, StreamSettings settings, ParserRegistry registry) {
    if (settings.source() instanceof StreamSettings.Watch watch) {
      return watched(env, watch, settings, registry);
    }
    throw new IllegalArgumentException("unsupported source " + settings.source());
  }

  /**
   * The batch job's file source, listing the folder again every poll interval. The enumerator
   * remembers every path it handed out, in its checkpointed state, so its state grows with the
   * number of files: archive or move old files away from the watched folder.
   *
   * <p>Files are read in the order they are found, several at once: events of files further apart
   * in event time than the allowed delay can arrive late, so the delay must cover how far apart the
   * files that arrive together are.
   */
  private static DataStream<IngestItem> watched(
      StreamExecutionEnvironment env,
      StreamSettings.Watch watch,
      StreamSettings settings,
      ParserRegistry registry) {
    FileSource<IngestItem> source =
        FileSource.forBulkFileFormat(new AuditLogFormat(registry), new Path(watch.dir()))
            .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new LogFileFilter()))
            .monitorContinuously(watch.poll())
            .build();
    // Watermarks per reader task rather than per file: a file's own watermark is dropped when the
    // file ends, so a short file would never move event time on. A reader is idle once it has had
    // no new file for two listings.
    Duration idle = watch.poll().multipliedBy(2);
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "watched folder")
        .uid("watched-folder")
        .assignTimestampsAndWatermarks(StreamJob.watermarks(settings.maxDelay(), idle))
        .name("event time")
        .uid("event-time");
  }
}
