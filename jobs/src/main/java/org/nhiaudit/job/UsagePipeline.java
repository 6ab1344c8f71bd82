package org.nhiaudit.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.model.AccessEvent;

/**
 * The stages between the readers and the driver, independent of where the items come from and of
 * batch or streaming mode: route, aggregate per credential and per identity, and hand every result
 * back as a {@link JobRecord}.
 */
public final class UsagePipeline {

  private UsagePipeline() {}

  /** Connects the stages; the returned stream carries usage, dead letters and file summaries. */
  public static DataStream<JobRecord> build(DataStream<IngestItem> items) {
    return aggregate(route(items), 0, 0);
  }

  /**
   * Routes the items: non-human events continue; rejections and per-file accounting go to side
   * outputs, which {@link #aggregate} picks up.
   */
  public static SingleOutputStreamOperator<AccessEvent> route(DataStream<IngestItem> items) {
    // Events get their own serializer: they cross the keyed exchanges one by one.
    return items
        .process(new RouteItems())
        .returns(new AccessEventSerializer.Info())
        .name("route")
        .uid("route");
  }

  /**
   * The stages after {@link #route}. With {@code emitEveryMillis} above 0 (streaming) changed
   * aggregates are also emitted at that cadence, and with {@code retentionDays} above 0 only that
   * many days of activity before each key's last event are kept; see {@link UsageFunction}.
   */
  public static DataStream<JobRecord> aggregate(
      SingleOutputStreamOperator<AccessEvent> events, long emitEveryMillis, int retentionDays) {

    // Aggregate: one accumulator per credential, and the same per identity. The aggregate is
    // turned into JSON in the operator chained to the aggregation, so it never needs a Flink
    // serializer of its own (its read-only sorted maps are beyond Kryo's generic one).
    DataStream<JobRecord> perCredential =
        events
            .keyBy(new CredentialKey())
            .process(new UsageFunction(emitEveryMillis, retentionDays))
            .name("usage per credential")
            .uid("usage-per-credential")
            .map(usage -> record(JobRecord.Kind.USAGE, usage))
            .name("usage json");
    DataStream<JobRecord> perIdentity =
        events
            .keyBy(new IdentityKey())
            .process(new UsageFunction(emitEveryMillis, retentionDays))
            .name("usage per identity")
            .uid("usage-per-identity")
            .map(usage -> record(JobRecord.Kind.IDENTITY_USAGE, usage))
            .name("identity usage json");

    // Account: what could not be read, and what each file held.
    DataStream<JobRecord> deadLetters =
        events
            .getSideOutput(RouteItems.DEAD_LETTERS)
            .map(letter -> record(JobRecord.Kind.DEAD_LETTER, letter))
            .name("dead letters");
    DataStream<JobRecord> files =
        events
            .getSideOutput(RouteItems.FILES)
            .map(file -> record(JobRecord.Kind.FILE, file))
            .name("file summaries");

    return perCredential.union(perIdentity, deadLetters, files);
  }

  /** The credential an event is counted under: its credential id, else its identity. */
  public static String credentialKey(AccessEvent event) {
    if (event.credential() != null) {
      return event.credential();
    }
    return event.identity() != null ? event.identity() : "unknown";
  }

  /** The identity an event is rolled up under: its identity, else its credential. */
  public static String identityKey(AccessEvent event) {
    if (event.identity() != null) {
      return event.identity();
    }
    return event.credential() != null ? event.credential() : "unknown";
  }

  static JobRecord record(JobRecord.Kind kind, Object value) throws JsonProcessingException {
    return new JobRecord(kind, Json.MAPPER.writeValueAsString(value));
  }

  /** Keys events by {@link #credentialKey}. */
  public static KeySelector<AccessEvent, String> byCredential() {
    return new CredentialKey();
  }

  private static final class CredentialKey implements KeySelector<AccessEvent, String> {
    @Override
    public String getKey(AccessEvent event) {
      return credentialKey(event);
    }
  }

  private static final class IdentityKey implements KeySelector<AccessEvent, String> {
    @Override
    public String getKey(AccessEvent event) {
      return identityKey(event);
    }
  }
}
