package org.nhiaudit.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

class AccessEventSerializerTest {

  @Test
  void everyFieldSurvivesTheRoundTripIncludingNulls() throws Exception {
    AccessEvent full =
        new AccessEvent(
            Instant.parse("2026-03-01T10:00:00.123456789Z"),
            "aws",
            "111122223333",
            "arn:aws:iam::111122223333:user/svc",
            "IAMUser",
            "AKIAAAAAAAAAAAAAAAA1",
            CredentialKind.ACCESS_KEY,
            "s3:GetObject",
            List.of("arn:aws:s3:::b", "r\u00e9sum\u00e9"),
            "198.51.100.4",
            "aws-cli/2",
            Outcome.DENIED,
            "AccessDenied",
            "us-east-1",
            ActorClass.NON_HUMAN,
            "aws.key.long-term",
            new Origin("/logs/a.json.gz", 3, 7));
    AccessEvent sparse =
        new AccessEvent(
            Instant.EPOCH,
            null,
            null,
            null,
            null,
            null,
            null,
            "x:y",
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(roundTrip(full)).isEqualTo(full);
    assertThat(roundTrip(sparse)).isEqualTo(sparse);
  }

  @Test
  void routedEventStreamsUseThisSerializer() {
    StreamExecutionEnvironment env = LogSources.batchEnvironment(1);

    DataStream<AccessEvent> events =
        UsagePipeline.route(
            env.fromData(List.of("a")).map(s -> (IngestItem) null).returns(IngestItem.class));

    assertThat(events.getType()).isInstanceOf(AccessEventSerializer.Info.class);
    assertThat(events.getType().createSerializer(env.getConfig().getSerializerConfig()))
        .isSameAs(AccessEventSerializer.INSTANCE);
  }

  private static AccessEvent roundTrip(AccessEvent event) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    AccessEventSerializer.INSTANCE.serialize(event, out);
    return AccessEventSerializer.INSTANCE.deserialize(
        new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
