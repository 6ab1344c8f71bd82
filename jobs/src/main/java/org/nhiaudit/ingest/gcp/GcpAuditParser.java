package org.nhiaudit.ingest.gcp;

import static org.nhiaudit.ingest.support.Fields.first;
import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordKeys;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.ingest.support.Times;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * Google Cloud Audit Logs: Cloud Logging {@code LogEntry} objects whose {@code protoPayload} has
 * {@code @type} {@code type.googleapis.com/google.cloud.audit.AuditLog}, as exported to files,
 * BigQuery JSON or Pub/Sub. Other entries of the same export (application logs with {@code
 * jsonPayload} or {@code textPayload}) are filtered, not rejected.
 *
 * <p>Fields used: {@code timestamp} (else {@code receiveTimestamp}), {@code logName} and {@code
 * resource.labels} for the project and location, and from the payload {@code serviceName}, {@code
 * methodName}, {@code resourceName}, {@code authenticationInfo} (principalEmail, principalSubject,
 * serviceAccountKeyName, serviceAccountDelegationInfo), {@code requestMetadata} (callerIp kept as
 * logged, including "private" and "gce-internal-ip"; callerSuppliedUserAgent) and {@code
 * status.code}.
 *
 * <p>Entries of GKE's {@code k8s.io} service are left to the Kubernetes parser. Not handled: the
 * BigQuery-export column naming ({@code protopayload_auditlog}) and the authorization details
 * ({@code authorizationInfo}), which say which permission was checked.
 */
public final class GcpAuditParser implements RecordParser {

  static final String AUDIT_LOG_TYPE = "type.googleapis.com/google.cloud.audit.AuditLog";

  /** Names of the google.rpc canonical codes, indexed by code. */
  private static final List<String> RPC_CODES =
      List.of(
          "OK",
          "CANCELLED",
          "UNKNOWN",
          "INVALID_ARGUMENT",
          "DEADLINE_EXCEEDED",
          "NOT_FOUND",
          "ALREADY_EXISTS",
          "PERMISSION_DENIED",
          "RESOURCE_EXHAUSTED",
          "FAILED_PRECONDITION",
          "ABORTED",
          "OUT_OF_RANGE",
          "UNIMPLEMENTED",
          "INTERNAL",
          "UNAVAILABLE",
          "DATA_LOSS",
          "UNAUTHENTICATED");

  /**
   * What this parser and {@link GcpPrincipal} look at. Of the two other payloads only the presence
   * is tested; the request, response and authorization details of the AuditLog are never read.
   */
  private static final RecordKeys READS =
      RecordKeys.of("logName", "timestamp", "receiveTimestamp")
          .and(
              "protoPayload",
              RecordKeys.of("@type", "serviceName", "methodName", "resourceName")
                  .and(
                      "authenticationInfo",
                      RecordKeys.of(
                          "principalEmail",
                          "principalSubject",
                          "serviceAccountKeyName",
                          "serviceAccountDelegationInfo"))
                  .and("requestMetadata", RecordKeys.of("callerIp", "callerSuppliedUserAgent"))
                  .and("status", RecordKeys.of("code")))
          .and("resource", RecordKeys.of("labels"))
          .and("jsonPayload", RecordKeys.none())
          .and("textPayload", RecordKeys.none());

  @Override
  public String format() {
    return "gcp-audit";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  @Override
  public boolean accepts(JsonNode record) {
    if (!record.has("logName")) {
      return false;
    }
    JsonNode payload = record.path("protoPayload");
    if (payload.isObject()) {
      return !"k8s.io".equals(payload.path("serviceName").asText());
    }
    return record.has("jsonPayload") || record.has("textPayload");
  }

  @Override
  public ParseOutcome parse(JsonNode entry, Origin origin) {
    JsonNode payload = entry.path("protoPayload");
    if (!AUDIT_LOG_TYPE.equals(text(payload, "@type"))) {
      return ParseOutcome.filtered(
          "Cloud Logging entry without an AuditLog protoPayload (log "
              + text(entry, "logName")
              + ")");
    }
    String missing = missing(entry, payload);
    if (missing != null) {
      return ParseOutcome.rejected("GCP audit entry without " + missing);
    }
    GcpPrincipal who = GcpPrincipal.of(payload.path("authenticationInfo"));
    if (who == null) {
      return ParseOutcome.rejected(
          "GCP audit entry without protoPayload.authenticationInfo.principalEmail,"
              + " principalSubject or serviceAccountDelegationInfo");
    }
    return ParseOutcome.parsed(event(entry, payload, who, origin));
  }

  private static String missing(JsonNode entry, JsonNode payload) {
    if (time(entry) == null) {
      return "timestamp";
    }
    if (text(payload, "serviceName") == null) {
      return "protoPayload.serviceName";
    }
    return text(payload, "methodName") == null ? "protoPayload.methodName" : null;
  }

  private static AccessEvent event(JsonNode entry, JsonNode payload, GcpPrincipal who, Origin o) {
    int code = payload.path("status").path("code").asInt(0);
    String resource = text(payload, "resourceName");
    JsonNode labels = entry.path("resource").path("labels");
    return new AccessEvent(
        time(entry),
        "gcp",
        first(text(labels, "project_id"), project(text(entry, "logName"))),
        who.identity(),
        who.type(),
        who.credential(),
        who.kind(),
        text(payload, "serviceName") + ":" + text(payload, "methodName"),
        resource == null ? List.of() : List.of(resource),
        text(payload, "requestMetadata", "callerIp"),
        text(payload, "requestMetadata", "callerSuppliedUserAgent"),
        code == 0 ? Outcome.SUCCESS : code == 7 ? Outcome.DENIED : Outcome.ERROR,
        code == 0 ? null : code < RPC_CODES.size() ? RPC_CODES.get(code) : String.valueOf(code),
        first(text(labels, "location"), text(labels, "zone"), text(labels, "region")),
        who.actorClass(),
        who.rule(),
        o);
  }

  private static Instant time(JsonNode entry) {
    Instant time = Times.parse(entry.path("timestamp"));
    return time != null ? time : Times.parse(entry.path("receiveTimestamp"));
  }

  /** The parent named in a log name: {@code projects/P/logs/...} gives {@code P}. */
  private static String project(String logName) {
    if (logName == null) {
      return null;
    }
    String[] parts = logName.split("/");
    return parts.length > 1 ? parts[1] : null;
  }
}
