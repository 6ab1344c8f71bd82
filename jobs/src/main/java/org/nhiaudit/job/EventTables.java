package org.nhiaudit.job;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.run.DeadLetter;

/**
 * Offers the normalised events, and the records that could not be read, as Flink SQL tables, so a
 * data engineer can query audit logs of every supported format with their own SQL:
 *
 * <ul>
 *   <li>{@code access_events}: one row per parsed event of any actor class, columns {@link
 *       #EVENT_COLUMNS};
 *   <li>{@code dead_letters}: {@code path}, {@code line}, {@code record_index}, {@code reason}.
 * </ul>
 */
public final class EventTables {

  public static final String EVENTS = "access_events";
  public static final String DEAD_LETTERS = "dead_letters";

  /** The columns of {@code access_events}, in order. */
  public static final List<String> EVENT_COLUMNS =
      List.of(
          "event_time",
          "provider",
          "account",
          "identity",
          "identity_type",
          "credential",
          "credential_kind",
          "action",
          "resources",
          "source_address",
          "user_agent",
          "outcome",
          "error_code",
          "region",
          "actor_class",
          "classification_rule",
          "origin_path",
          "origin_line");

  private static final RowTypeInfo EVENT_ROW =
      new RowTypeInfo(
          new TypeInformation<?>[] {
            Types.INSTANT,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.OBJECT_ARRAY(Types.STRING),
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.STRING,
            Types.LONG
          },
          EVENT_COLUMNS.toArray(String[]::new));

  private static final RowTypeInfo DEAD_LETTER_ROW =
      new RowTypeInfo(
          new TypeInformation<?>[] {Types.STRING, Types.LONG, Types.LONG, Types.STRING},
          new String[] {"path", "line", "record_index", "reason"});

  private EventTables() {}

  /** Registers both views over {@code items} in a new table environment on {@code env}. */
  public static StreamTableEnvironment register(
      StreamExecutionEnvironment env, DataStream<IngestItem> items) {
    StreamTableEnvironment tables = StreamTableEnvironment.create(env);
    DataStream<Row> events =
        items
            .filter(item -> item instanceof IngestItem.Event)
            .map(item -> eventRow(((IngestItem.Event) item).event()))
            .returns(EVENT_ROW)
            .name("event rows");
    DataStream<Row> deadLetters =
        items
            .filter(item -> item instanceof IngestItem.Reject)
            .map(item -> deadLetterRow(DeadLetter.of(((IngestItem.Reject) item).rejection())))
            .returns(DEAD_LETTER_ROW)
            .name("dead letter rows");
    tables.createTemporaryView(EVENTS, events);
    tables.createTemporaryView(DEAD_LETTERS, deadLetters);
    return tables;
  }

  static Row eventRow(AccessEvent e) {
    return Row.of(
        e.time(),
        e.provider(),
        e.account(),
        e.identity(),
        e.identityType(),
        e.credential(),
        name(e.credentialKind()),
        e.action(),
        e.resources().toArray(String[]::new),
        e.sourceAddress(),
        e.userAgent(),
        name(e.outcome()),
        e.errorCode(),
        e.region(),
        name(e.actorClass()),
        e.classificationRule(),
        e.origin().path(),
        e.origin().line());
  }

  private static Row deadLetterRow(DeadLetter d) {
    return Row.of(d.path(), d.line(), d.index(), d.reason());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
