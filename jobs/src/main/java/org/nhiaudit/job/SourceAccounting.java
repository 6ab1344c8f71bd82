package org.nhiaudit.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.Json;

/**
 * Keyed by source (a Kafka partition): passes events and rejections on (keeping their event time),
 * adds up the per-message summaries of the source and emits the running total, when it changed,
 * every interval of processing time. Each emission is the whole account so far, so the latest one
 * per source is current, as with the usage aggregates; the equations {@code read = parsed +
 * rejected + filtered} hold for the totals as for each message.
 */
final class SourceAccounting extends KeyedProcessFunction<String, String, JobRecord> {

  private final long everyMillis;

  /** The total as JSON text: Kryo cannot copy the summary's immutable list. */
  private transient ValueState<String> total;

  private transient ValueState<Boolean> changed;

  SourceAccounting(long everyMillis) {
    this.everyMillis = everyMillis;
  }

  @Override
  public void open(OpenContext context) {
    total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", Types.STRING));
    changed = getRuntimeContext().getState(new ValueStateDescriptor<>("changed", Types.BOOLEAN));
  }

  @Override
  public void processElement(String json, Context ctx, Collector<JobRecord> out) throws Exception {
    FileSummary summary = Json.MAPPER.readValue(json, FileSummary.class);
    String sum = total.value();
    FileSummary next =
        sum == null ? summary : plus(Json.MAPPER.readValue(sum, FileSummary.class), summary);
    total.update(Json.MAPPER.writeValueAsString(next));
    if (changed.value() == null) {
      changed.update(true);
      long now = ctx.timerService().currentProcessingTime();
      ctx.timerService().registerProcessingTimeTimer((now / everyMillis + 1) * everyMillis);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<JobRecord> out)
      throws Exception {
    changed.clear();
    String sum = total.value();
    if (sum != null) {
      out.collect(new JobRecord(JobRecord.Kind.FILE, sum));
    }
  }

  /** The source a summary's JSON names. */
  static String pathOf(String json) throws java.io.IOException {
    return Json.MAPPER.readTree(json).get("path").asText();
  }

  /** The account of both; {@code a} and {@code b} name the same source. */
  static FileSummary plus(FileSummary a, FileSummary b) {
    Set<String> formats = new LinkedHashSet<>(a.formats());
    formats.addAll(b.formats());
    return new FileSummary(
        a.path(),
        null,
        a.bytes() + b.bytes(),
        new ArrayList<>(formats),
        earlier(a.firstEvent(), b.firstEvent()),
        later(a.lastEvent(), b.lastEvent()),
        a.read() + b.read(),
        a.parsed() + b.parsed(),
        a.rejected() + b.rejected(),
        a.filtered() + b.filtered(),
        a.nonHuman() + b.nonHuman(),
        a.human() + b.human(),
        a.service() + b.service());
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || (b != null && b.isBefore(a)) ? b : a;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
