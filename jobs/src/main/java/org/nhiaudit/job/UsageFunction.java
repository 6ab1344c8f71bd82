package org.nhiaudit.job;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.usage.CredentialUsage;
import org.nhiaudit.usage.UsageAccumulator;

/**
 * Folds the events of one key into a {@link UsageAccumulator} held in keyed state and emits the
 * aggregate when the key's input ends. In batch mode that is when Flink has finished the key (the
 * input is sorted by key), so only one key's accumulator is in memory at a time.
 *
 * <p>With an emit interval (streaming), a key that changed also emits its aggregate so far at the
 * next multiple of the interval in processing time, and keeps its state: each emission is the whole
 * aggregate, so the latest one per key is the current view. Such a key's events per day are kept
 * only for a retention window before its last event (see {@link UsageAccumulator#add(String,
 * AccessEvent, int)}), so that a key's state does not grow by a day for every day it is used.
 */
final class UsageFunction extends KeyedProcessFunction<String, AccessEvent, CredentialUsage> {

  private final long emitEveryMillis;
  private final int retentionDays;
  private transient ValueState<UsageAccumulator> state;

  /** Emits only at the end of input. */
  UsageFunction() {
    this(0, 0);
  }

  /**
   * Also emits changed aggregates every {@code emitEveryMillis}, 0 for never; and keeps the events
   * per day of the last {@code retentionDays} days only, 0 for every day.
   */
  UsageFunction(long emitEveryMillis, int retentionDays) {
    this.emitEveryMillis = emitEveryMillis;
    this.retentionDays = retentionDays;
  }

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("usage", TypeInformation.of(UsageAccumulator.class)));
  }

  @Override
  public void processElement(AccessEvent event, Context ctx, Collector<CredentialUsage> out)
      throws Exception {
    UsageAccumulator acc = state.value();
    if (acc == null) {
      acc = new UsageAccumulator();
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    String key = ctx.getCurrentKey();
    state.update(retentionDays > 0 ? acc.add(key, event, retentionDays) : acc.add(key, event));
    if (emitEveryMillis > 0) {
      // Aligned instants, so that all changes of a key within one interval share a timer.
      long now = ctx.timerService().currentProcessingTime();
      ctx.timerService().registerProcessingTimeTimer((now / emitEveryMillis + 1) * emitEveryMillis);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CredentialUsage> out)
      throws Exception {
    UsageAccumulator acc = state.value();
    if (acc == null) {
      return;
    }
    out.collect(acc.snapshot());
    if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
      state.clear();
    }
  }
}
