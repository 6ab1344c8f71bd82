package org.nhiaudit.job;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.nhiaudit.alert.Alert;
import org.nhiaudit.alert.AlertEngine;
import org.nhiaudit.alert.CredentialHistory;
import org.nhiaudit.alert.EventRef;
import org.nhiaudit.model.AccessEvent;

/**
 * Keyed by credential: loads the credential's {@link CredentialHistory}, hands the event to the
 * {@link AlertEngine} and emits what it raises. Events at or behind the watermark leave by {@link
 * #LATE} instead and are counted in the {@code lateEvents} metric.
 *
 * <p>The history expires after the configured time without an event for the credential. Flink
 * measures that in processing time, so after a long stop a resumed job may forget credentials
 * sooner in event time.
 */
final class AlertFunction extends KeyedProcessFunction<String, AccessEvent, Alert> {

  static final OutputTag<LateEvent> LATE = new OutputTag<>("late-events") {};

  private final AlertEngine engine;
  private transient ValueState<CredentialHistory> state;
  private transient Counter late;
  private transient Counter alerts;

  AlertFunction(AlertEngine engine) {
    this.engine = engine;
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<CredentialHistory> descriptor =
        new ValueStateDescriptor<>("history", TypeInformation.of(CredentialHistory.class));
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(engine.config().stateTtl())
            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    state = getRuntimeContext().getState(descriptor);
    late = getRuntimeContext().getMetricGroup().counter("lateEvents");
    alerts = getRuntimeContext().getMetricGroup().counter("alerts");
  }

  @Override
  public void processElement(AccessEvent event, Context ctx, Collector<Alert> out)
      throws Exception {
    long watermark = ctx.timerService().currentWatermark();
    if (event.time().toEpochMilli() <= watermark) {
      late.inc();
      ctx.output(
          LATE,
          new LateEvent(ctx.getCurrentKey(), EventRef.of(event), Instant.ofEpochMilli(watermark)));
      return;
    }
    CredentialHistory history = state.value();
    if (history == null) {
      history = new CredentialHistory();
    }
    for (Alert alert : engine.observe(ctx.getCurrentKey(), event, history)) {
      alerts.inc();
      out.collect(alert);
    }
    state.update(history);
  }
}
