package org.nhiaudit.job;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.usage.CredentialUsage;
import org.nhiaudit.usage.UsageAccumulator;

/**
 * Folds the events of one key into a {@link UsageAccumulator} held in keyed state and emits the
 * aggregate when the key's input ends. In batch mode that is when Flink has finished the key (the
 * input is sorted by key), so only one key's accumulator is in memory at a time.
 */
final class UsageFunction extends KeyedProcessFunction<String, AccessEvent, CredentialUsage> {

  private transient ValueState<UsageAccumulator> state;

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
    state.update(acc.add(ctx.getCurrentKey(), event));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CredentialUsage> out)
      throws Exception {
    UsageAccumulator acc = state.value();
    if (acc != null) {
      out.collect(acc.snapshot());
      state.clear();
    }
  }
}
