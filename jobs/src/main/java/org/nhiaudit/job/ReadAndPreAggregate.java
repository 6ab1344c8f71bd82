package org.nhiaudit.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.Collector;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.LogFileReader;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.run.DeadLetter;
import org.nhiaudit.usage.UsageAccumulator;

/**
 * The bounded run's reader: reads every file of one group and folds the non-human events into one
 * accumulator per credential and one per identity, held until the group is read. The driver makes
 * one size-balanced group per task, so this is a per-task pre-aggregation. (A plain flat map rather
 * than a full-partition map: the latter runs the function on a thread of its own, and records
 * emitted from there were seen corrupted on the exchange under load.) Only those partials, the file
 * summaries and the dead letters leave the task, so no event is ever serialized or shuffled; memory
 * grows with the number of keys, not of events.
 *
 * <p>This needs the end of the input and so suits bounded runs only; a streaming job feeds events
 * to {@link UsagePipeline#build} instead.
 */
final class ReadAndPreAggregate implements FlatMapFunction<String[], Partial> {

  private final ParserRegistry registry;

  ReadAndPreAggregate(ParserRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void flatMap(String[] group, Collector<Partial> out) throws Exception {
    Map<String, UsageAccumulator> perCredential = new HashMap<>();
    Map<String, UsageAccumulator> perIdentity = new HashMap<>();
    for (String file : group) {
      read(file, perCredential, perIdentity, out);
    }
    perCredential.forEach((k, v) -> out.collect(Partial.usage(JobRecord.Kind.USAGE, k, v)));
    perIdentity.forEach((k, v) -> out.collect(Partial.usage(JobRecord.Kind.IDENTITY_USAGE, k, v)));
  }

  private void read(
      String file,
      Map<String, UsageAccumulator> perCredential,
      Map<String, UsageAccumulator> perIdentity,
      Collector<Partial> out)
      throws IOException {
    Path path = new Path(file);
    InputStream in = path.getFileSystem().open(path);
    try (LogFileReader reader =
        LogFileReader.open(AuditLogFormat.displayPath(path), in, registry)) {
      IngestItem item;
      while ((item = reader.next()) != null) {
        if (item instanceof IngestItem.Event e) {
          AccessEvent event = e.event();
          if (event.actorClass() == ActorClass.NON_HUMAN) {
            fold(perCredential, UsagePipeline.credentialKey(event), event);
            fold(perIdentity, UsagePipeline.identityKey(event), event);
          }
        } else if (item instanceof IngestItem.Reject r) {
          out.collect(record(JobRecord.Kind.DEAD_LETTER, DeadLetter.of(r.rejection())));
        } else if (item instanceof IngestItem.Summary s) {
          out.collect(record(JobRecord.Kind.FILE, s.summary()));
        }
      }
    }
  }

  private static void fold(Map<String, UsageAccumulator> map, String key, AccessEvent event) {
    map.computeIfAbsent(key, k -> new UsageAccumulator()).add(key, event);
  }

  private static Partial record(JobRecord.Kind kind, Object value) throws IOException {
    return Partial.record(UsagePipeline.record(kind, value));
  }
}
