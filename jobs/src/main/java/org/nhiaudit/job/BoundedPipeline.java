package org.nhiaudit.job;

import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.nhiaudit.ingest.ParserRegistry;

/**
 * The batch job's stages when the input is a known, finite set of files: each reader task reads
 * whole groups of files and pre-aggregates (see {@link ReadAndPreAggregate}); the partials of a key
 * from all tasks are merged after one shuffle. The results are the same {@link JobRecord}s that
 * {@link UsagePipeline#build}, the per-event path that unbounded input needs, produces.
 */
public final class BoundedPipeline {

  private BoundedPipeline() {}

  /**
   * Connects the stages to {@code fileGroups}, each element a group of file paths to read; the
   * readers take the groups where they are, with the same parallelism.
   */
  public static DataStream<JobRecord> build(
      DataStream<String[]> fileGroups, ParserRegistry registry) {
    DataStream<Partial> partials =
        fileGroups
            .flatMap(new ReadAndPreAggregate(registry))
            .returns(Partial.class)
            .name("read and pre-aggregate")
            .setParallelism(fileGroups.getParallelism());
    // The filters run in the reader tasks, chained to them.
    int readers = partials.getParallelism();
    DataStream<JobRecord> records =
        partials
            .filter(new IsRecord())
            .setParallelism(readers)
            .name("summaries and dead letters")
            .map(new Unwrap())
            .setParallelism(readers);
    DataStream<JobRecord> usage =
        partials
            .filter(new IsUsage())
            .setParallelism(readers)
            .name("usage partials")
            .keyBy(new GroupKey())
            .reduce(new Merge())
            .name("merge usage")
            .map(new ToJson())
            .name("usage json");
    return records.union(usage);
  }

  private static final class IsRecord implements FilterFunction<Partial> {
    @Override
    public boolean filter(Partial p) {
      return p.isRecord();
    }
  }

  private static final class IsUsage implements FilterFunction<Partial> {
    @Override
    public boolean filter(Partial p) {
      return !p.isRecord();
    }
  }

  private static final class Unwrap implements MapFunction<Partial, JobRecord> {
    @Override
    public JobRecord map(Partial p) {
      return p.record;
    }
  }

  private static final class GroupKey implements KeySelector<Partial, String> {
    @Override
    public String getKey(Partial p) {
      return p.groupKey();
    }
  }

  private static final class Merge implements ReduceFunction<Partial> {
    @Override
    public Partial reduce(Partial a, Partial b) {
      return a.merge(b);
    }
  }

  private static final class ToJson implements MapFunction<Partial, JobRecord> {
    @Override
    public JobRecord map(Partial p) throws Exception {
      return UsagePipeline.record(p.kind, p.usage.snapshot());
    }
  }
}
