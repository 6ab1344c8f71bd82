package org.nhiaudit.ingest.cloudtrail;

import static org.nhiaudit.ingest.cloudtrail.AwsPrincipal.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordKeys;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * AWS CloudTrail records, in the shapes they are found in:
 *
 * <ul>
 *   <li>a plain record, as delivered to S3 inside {@code {"Records":[...]}}, in a bare array or one
 *       per line;
 *   <li>a record that went through a log shipper, which often replaces {@code eventTime} with
 *       {@code @timestamp} or {@code timestamp} and may move the client address;
 *   <li>an EventBridge event, whose {@code detail} holds the record;
 *   <li>a {@code lookup-events} (Event history) item, whose {@code CloudTrailEvent} holds the
 *       record as a JSON string. The outer {@code EventTime} is used only when the inner record has
 *       no time.
 * </ul>
 *
 * A record is rejected when it has no readable time, no {@code eventSource} or {@code eventName},
 * no principal at all, or an unreadable {@code CloudTrailEvent} string. {@code responseElements} is
 * never read, so no issued key, session token or secret reaches an event.
 */
public final class CloudTrailParser implements RecordParser {

  /** Keys of which a plain CloudTrail record has at least two. */
  private static final List<String> SIGNATURE =
      List.of(
          "eventVersion",
          "eventSource",
          "eventName",
          "userIdentity",
          "eventTime",
          "awsRegion",
          "recipientAccountId",
          "eventID");

  /**
   * Where the time is, in order: CloudTrail's own key, then where shippers put it when they drop
   * {@code eventTime}. The first key present decides; an unreadable value there is not replaced by
   * a later key.
   */
  private static final List<String> TIME_KEYS =
      List.of("eventTime", "@timestamp", "timestamp", "time");

  /** Request parameters that name the resource a call is about. */
  private static final List<String> RESOURCE_PARAMETERS =
      List.of(
          "bucketName",
          "roleName",
          "userName",
          "groupName",
          "functionName",
          "roleArn",
          "policyArn",
          "secretId");

  private static final String SUFFIX = ".amazonaws.com";

  /**
   * What {@link #read} and {@link AwsPrincipal}, {@link AwsActorClassifier} look at in a plain
   * record. Everything else, {@code responseElements} first, is never read.
   */
  private static final RecordKeys RECORD =
      present(SIGNATURE)
          .and(TIME_KEYS.toArray(String[]::new))
          .and("eventSource", "eventName", "awsRegion", "recipientAccountId")
          .and(
              "userIdentity",
              RecordKeys.of(
                      "type",
                      "accessKeyId",
                      "invokedBy",
                      "accountId",
                      "arn",
                      "principalId",
                      "userName")
                  .and(
                      "sessionContext",
                      RecordKeys.of("ec2RoleDelivery")
                          .and("sessionIssuer", RecordKeys.of("arn", "userName"))
                          .and("attributes", RecordKeys.of("mfaAuthenticated"))))
          .and("requestParameters", RecordKeys.of(RESOURCE_PARAMETERS.toArray(String[]::new)))
          .and("resources")
          .and("errorCode", "userAgent", "sessionCredentialFromConsole")
          .and("sourceIPAddress", "sourceIpAddress", "source.ip")
          .and("source", RecordKeys.of("ip"))
          .and("client", RecordKeys.of("ip"));

  /** A plain record, or one of the envelopes around it. */
  private static final RecordKeys READS =
      RECORD.and("CloudTrailEvent", "EventTime").and("detail", RECORD);

  private final AwsActorClassifier classifier = new AwsActorClassifier();

  /** Keys whose presence alone is tested; what else is read of them is declared beside. */
  private static RecordKeys present(List<String> keys) {
    RecordKeys present = RecordKeys.none();
    for (String key : keys) {
      present = present.and(key, RecordKeys.none());
    }
    return present;
  }

  @Override
  public String format() {
    return "cloudtrail";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  @Override
  public boolean accepts(JsonNode record) {
    if (record == null || !record.isObject()) {
      return false;
    }
    if (record.path("CloudTrailEvent").isTextual()) {
      return true;
    }
    JsonNode detail = record.get("detail");
    return looksPlain(record) || (detail != null && detail.isObject() && looksPlain(detail));
  }

  private static boolean looksPlain(JsonNode record) {
    int found = 0;
    for (String key : SIGNATURE) {
      if (record.has(key) && ++found == 2) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ParseOutcome parse(JsonNode record, Origin origin) {
    JsonNode embedded = record.get("CloudTrailEvent");
    if (embedded != null && embedded.isTextual()) {
      return parseEmbedded(embedded.asText(), record.get("EventTime"), origin);
    }

    JsonNode detail = record.get("detail");
    if (!looksPlain(record) && detail != null && detail.isObject()) {
      return read(detail, record.get("time"), origin);
    }
    return read(record, null, origin);
  }

  /** A lookup-events item: the record is a JSON string, its outer time only a fallback. */
  private ParseOutcome parseEmbedded(String text, JsonNode outerTime, Origin origin) {
    JsonNode inner;
    try {
      inner = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return ParseOutcome.rejected("CloudTrailEvent is not valid JSON: " + e.getOriginalMessage());
    }
    if (inner == null || !inner.isObject()) {
      return ParseOutcome.rejected("CloudTrailEvent does not hold a JSON object");
    }
    return read(inner, outerTime, origin);
  }

  private ParseOutcome read(JsonNode r, JsonNode outerTime, Origin origin) {
    Instant time = time(r, outerTime);
    if (time == null) {
      return ParseOutcome.rejected(timeProblem(r, outerTime));
    }

    String source = text(r.path("eventSource"));
    String name = text(r.path("eventName"));
    if (source == null || name == null) {
      return ParseOutcome.rejected(
          "no " + (source == null ? "eventSource" : "eventName") + " in the record");
    }

    AwsPrincipal principal = AwsPrincipal.of(r);
    if (principal.identity() == null) {
      return ParseOutcome.rejected(
          "no principal: userIdentity names no arn, invokedBy or accountId");
    }

    String errorCode = text(r.path("errorCode"));
    AwsActorClassifier.Decision decision = classifier.classify(r);
    return ParseOutcome.parsed(
        new AccessEvent(
            time,
            "aws",
            principal.account(),
            principal.identity(),
            principal.type(),
            principal.credential(),
            principal.kind(),
            action(source, name),
            resources(r),
            sourceAddress(r),
            userAgent(text(r.path("userAgent"))),
            outcome(errorCode),
            errorCode,
            text(r.path("awsRegion")),
            decision.actorClass(),
            decision.rule(),
            origin));
  }

  private static Instant time(JsonNode r, JsonNode outerTime) {
    for (String key : TIME_KEYS) {
      if (r.hasNonNull(key)) {
        return CloudTrailTime.parse(timeText(r.get(key)));
      }
    }
    return outerTime == null ? null : CloudTrailTime.parse(timeText(outerTime));
  }

  private static String timeProblem(JsonNode r, JsonNode outerTime) {
    for (String key : TIME_KEYS) {
      if (r.hasNonNull(key)) {
        return "unreadable " + key + " '" + r.get(key).asText() + "'";
      }
    }
    if (outerTime != null && !outerTime.isNull()) {
      return "unreadable envelope time '" + outerTime.asText() + "'";
    }
    return "no time: none of " + String.join(", ", TIME_KEYS) + " is present";
  }

  private static String timeText(JsonNode node) {
    return node.isIntegralNumber() ? Long.toString(node.asLong()) : node.asText();
  }

  static String action(String eventSource, String eventName) {
    String service =
        eventSource.endsWith(SUFFIX)
            ? eventSource.substring(0, eventSource.length() - SUFFIX.length())
            : eventSource;
    return service + ":" + eventName;
  }

  private static List<String> resources(JsonNode r) {
    Set<String> found = new LinkedHashSet<>();
    for (JsonNode resource : r.path("resources")) {
      String arn = text(resource.path("ARN"));
      if (arn != null) {
        found.add(arn);
      }
    }
    JsonNode parameters = r.path("requestParameters");
    for (String key : RESOURCE_PARAMETERS) {
      String value = text(parameters.path(key));
      if (value != null) {
        found.add(value);
      }
    }
    return List.copyOf(found);
  }

  /** {@code sourceIPAddress} as logged, else where shippers that renamed it put the address. */
  private static String sourceAddress(JsonNode r) {
    String logged = text(r.path("sourceIPAddress"));
    if (logged != null) {
      return logged;
    }
    String renamed = AwsPrincipal.firstText(r.path("sourceIpAddress"), r.path("source.ip"));
    if (renamed != null) {
      return renamed;
    }
    return AwsPrincipal.firstText(r.path("source").path("ip"), r.path("client").path("ip"));
  }

  /** Strips the square brackets CloudTrail puts around some agents. */
  static String userAgent(String logged) {
    if (logged != null && logged.length() >= 2 && logged.startsWith("[") && logged.endsWith("]")) {
      return logged.substring(1, logged.length() - 1).strip();
    }
    return logged;
  }

  static Outcome outcome(String errorCode) {
    if (errorCode == null) {
      return Outcome.SUCCESS;
    }
    String code = errorCode.toLowerCase(Locale.ROOT);
    boolean denied =
        code.contains("accessdenied")
            || code.contains("unauthorized")
            || code.contains("notauthorized")
            || code.contains("forbidden");
    return denied ? Outcome.DENIED : Outcome.ERROR;
  }
}
