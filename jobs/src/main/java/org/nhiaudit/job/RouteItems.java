package org.nhiaudit.job;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.run.DeadLetter;

/**
 * Splits what the readers yield: non-human events go on to aggregation; rejections and file
 * summaries leave by side outputs. Human and service events stop here: the file summaries have
 * already counted them.
 */
final class RouteItems extends ProcessFunction<IngestItem, AccessEvent> {

  static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};
  static final OutputTag<FileSummary> FILES = new OutputTag<>("files") {};

  @Override
  public void processElement(IngestItem item, Context ctx, Collector<AccessEvent> out) {
    if (item instanceof IngestItem.Event e) {
      if (e.event().actorClass() == ActorClass.NON_HUMAN) {
        out.collect(e.event());
      }
    } else if (item instanceof IngestItem.Reject r) {
      ctx.output(DEAD_LETTERS, DeadLetter.of(r.rejection()));
    } else if (item instanceof IngestItem.Summary s) {
      ctx.output(FILES, s.summary());
    }
  }
}
