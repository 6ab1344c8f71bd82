package org.nhiaudit.job;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * Writes an {@link AccessEvent} field by field, for the per-event paths where every event crosses a
 * keyed exchange (the streaming job, and the batch job's per-event path). Without it Flink would
 * treat the record as a POJO whose resource list falls back to Kryo, which is slower and depends on
 * Kryo knowing the JDK's immutable lists on both ends of the exchange.
 *
 * <p>Strings go through Flink's {@link StringValue} encoding, which carries null. The format has
 * one version; a change to the event's fields needs a new snapshot version.
 */
public final class AccessEventSerializer extends TypeSerializerSingleton<AccessEvent> {

  public static final AccessEventSerializer INSTANCE = new AccessEventSerializer();

  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final ActorClass[] ACTORS = ActorClass.values();
  private static final CredentialKind[] KINDS = CredentialKind.values();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public AccessEvent createInstance() {
    return null;
  }

  @Override
  public AccessEvent copy(AccessEvent from) {
    return from;
  }

  @Override
  public AccessEvent copy(AccessEvent from, AccessEvent reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(AccessEvent e, DataOutputView out) throws IOException {
    writeInstant(e.time(), out);
    StringValue.writeString(e.provider(), out);
    StringValue.writeString(e.account(), out);
    StringValue.writeString(e.identity(), out);
    StringValue.writeString(e.identityType(), out);
    StringValue.writeString(e.credential(), out);
    writeEnum(e.credentialKind(), out);
    StringValue.writeString(e.action(), out);
    out.writeInt(e.resources().size());
    for (String resource : e.resources()) {
      StringValue.writeString(resource, out);
    }
    StringValue.writeString(e.sourceAddress(), out);
    StringValue.writeString(e.userAgent(), out);
    writeEnum(e.outcome(), out);
    StringValue.writeString(e.errorCode(), out);
    StringValue.writeString(e.region(), out);
    writeEnum(e.actorClass(), out);
    StringValue.writeString(e.classificationRule(), out);
    out.writeBoolean(e.origin() != null);
    if (e.origin() != null) {
      StringValue.writeString(e.origin().path(), out);
      out.writeLong(e.origin().line());
      out.writeLong(e.origin().index());
    }
  }

  @Override
  public AccessEvent deserialize(DataInputView in) throws IOException {
    Instant time = readInstant(in);
    String provider = StringValue.readString(in);
    String account = StringValue.readString(in);
    String identity = StringValue.readString(in);
    String identityType = StringValue.readString(in);
    String credential = StringValue.readString(in);
    CredentialKind kind = readEnum(KINDS, in);
    String action = StringValue.readString(in);
    int count = in.readInt();
    List<String> resources = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      resources.add(StringValue.readString(in));
    }
    String sourceAddress = StringValue.readString(in);
    String userAgent = StringValue.readString(in);
    Outcome outcome = readEnum(OUTCOMES, in);
    String errorCode = StringValue.readString(in);
    String region = StringValue.readString(in);
    ActorClass actorClass = readEnum(ACTORS, in);
    String rule = StringValue.readString(in);
    Origin origin =
        in.readBoolean()
            ? new Origin(StringValue.readString(in), in.readLong(), in.readLong())
            : null;
    return new AccessEvent(
        time,
        provider,
        account,
        identity,
        identityType,
        credential,
        kind,
        action,
        resources,
        sourceAddress,
        userAgent,
        outcome,
        errorCode,
        region,
        actorClass,
        rule,
        origin);
  }

  @Override
  public AccessEvent deserialize(AccessEvent reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<AccessEvent> snapshotConfiguration() {
    return new Snapshot();
  }

  private static void writeInstant(Instant time, DataOutputView out) throws IOException {
    out.writeBoolean(time != null);
    if (time != null) {
      out.writeLong(time.getEpochSecond());
      out.writeInt(time.getNano());
    }
  }

  private static Instant readInstant(DataInputView in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  /** Enums as ordinal + 1, 0 for null: the enums only ever grow at their end. */
  private static void writeEnum(Enum<?> value, DataOutputView out) throws IOException {
    out.writeByte(value == null ? 0 : value.ordinal() + 1);
  }

  private static <E extends Enum<E>> E readEnum(E[] values, DataInputView in) throws IOException {
    int code = in.readByte();
    return code == 0 ? null : values[code - 1];
  }

  /** Restores the one serializer there is. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<AccessEvent> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** The type information of the event streams that {@link UsagePipeline#route} returns. */
  public static final class Info extends TypeInformation<AccessEvent> {

    @Override
    public boolean isBasicType() {
      return false;
    }

    @Override
    public boolean isTupleType() {
      return false;
    }

    @Override
    public int getArity() {
      return 1;
    }

    @Override
    public int getTotalFields() {
      return 1;
    }

    @Override
    public Class<AccessEvent> getTypeClass() {
      return AccessEvent.class;
    }

    @Override
    public boolean isKeyType() {
      return false;
    }

    @Override
    public TypeSerializer<AccessEvent> createSerializer(SerializerConfig config) {
      return INSTANCE;
    }

    @Override
    public String toString() {
      return "AccessEvent";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Info;
    }

    @Override
    public int hashCode() {
      return Info.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
      return other instanceof Info;
    }
  }
}
