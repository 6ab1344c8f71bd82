package org.nhiaudit.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/** AWS CloudTrail records. First cut: the S3 delivery shape with IAM users only. */
public final class CloudTrailParser implements RecordParser {

  @Override
  public String format() {
    return "cloudtrail";
  }

  @Override
  public boolean accepts(JsonNode record) {
    return record.has("eventSource") && record.has("eventName");
  }

  @Override
  public ParseOutcome parse(JsonNode r, Origin origin) {
    JsonNode id = r.path("userIdentity");
    String key = id.path("accessKeyId").asText(null);
    String action =
        r.path("eventSource").asText().replace(".amazonaws.com", "")
            + ":"
            + r.path("eventName").asText();
    return ParseOutcome.parsed(
        new AccessEvent(
            Instant.parse(r.path("eventTime").asText()),
            "aws",
            id.path("accountId").asText(null),
            id.path("arn").asText(null),
            id.path("type").asText(null),
            key,
            CredentialKind.ACCESS_KEY,
            action,
            List.of(),
            r.path("sourceIPAddress").asText(null),
            r.path("userAgent").asText(null),
            r.has("errorCode") ? Outcome.ERROR : Outcome.SUCCESS,
            r.path("errorCode").asText(null),
            r.path("awsRegion").asText(null),
            ActorClass.NON_HUMAN,
            "aws.first-cut",
            origin));
  }
}
