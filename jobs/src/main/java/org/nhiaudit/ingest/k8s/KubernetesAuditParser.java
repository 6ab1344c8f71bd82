package org.nhiaudit.ingest.k8s;

import static org.nhiaudit.ingest.support.Fields.first;
import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordKeys;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.ingest.support.Fields;
import org.nhiaudit.ingest.support.Times;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * Kubernetes API server audit events, in three shapes:
 *
 * <ul>
 *   <li>the {@code audit.k8s.io} {@code Event} as the API server's log backend writes it (v1,
 *       v1beta1, or without {@code apiVersion} as older webhook captures have it);
 *   <li>a GKE Cloud Logging entry whose {@code protoPayload} has {@code serviceName} {@code
 *       k8s.io};
 *   <li>an AKS diagnostic-settings record of category {@code kube-audit} or {@code
 *       kube-audit-admin}, the event in {@code properties.log} as JSON text or an object.
 * </ul>
 *
 * <p>Fields used: {@code user.username}, {@code impersonatedUser.username}, {@code verb}, {@code
 * objectRef} (resource, subresource, namespace, name), {@code requestURI} for non-resource calls,
 * {@code sourceIPs[0]}, {@code userAgent}, {@code responseStatus.code}, {@code stage} and the three
 * time stamps. Request and response bodies are never read, so secrets in them stay out.
 *
 * <p>Not handled: the Log Analytics table form of AKS logs ({@code AzureDiagnostics} with {@code
 * log_s}), GKE long-running operations (each entry is taken as one event), and the user's groups,
 * which would tell a bound service-account token apart from a legacy one.
 */
public final class KubernetesAuditParser implements RecordParser {

  /** What {@link #readEvent} looks at in an {@code audit.k8s.io} event; bodies are never read. */
  private static final RecordKeys EVENT =
      RecordKeys.of(
              "kind",
              "auditID",
              "verb",
              "stage",
              "requestURI",
              "sourceIPs",
              "userAgent",
              "requestReceivedTimestamp",
              "stageTimestamp",
              "timestamp")
          .and("user", RecordKeys.of("username"))
          .and("impersonatedUser", RecordKeys.of("username"))
          .and("objectRef", RecordKeys.of("resource", "subresource", "namespace", "name"))
          .and("responseStatus", RecordKeys.of("code", "reason"))
          .and("annotations", RecordKeys.of("authorization.k8s.io/decision"));

  /** A plain event, a GKE entry ({@link GkeAuditEntry}) or an AKS record around an event. */
  private static final RecordKeys READS =
      EVENT
          .and(
              "protoPayload",
              RecordKeys.of("serviceName", "methodName", "resourceName")
                  .and("status", RecordKeys.of("code", "message"))
                  .and("authenticationInfo", RecordKeys.of("principalEmail"))
                  .and("requestMetadata", RecordKeys.of("callerIp", "callerSuppliedUserAgent")))
          .and("timestamp", "receiveTimestamp")
          .and("resource", RecordKeys.of("labels"))
          .and("category", "resourceId")
          .and("properties", RecordKeys.none().and("log", EVENT));

  @Override
  public String format() {
    return "k8s-audit";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  @Override
  public boolean accepts(JsonNode record) {
    return isAuditEvent(record) || isGke(record) || isAks(record);
  }

  @Override
  public ParseOutcome parse(JsonNode record, Origin origin) {
    if (isGke(record)) {
      return GkeAuditEntry.read(record).toOutcome(origin);
    }
    if (isAks(record)) {
      JsonNode event = Fields.at(record, "properties", "log");
      if (!event.isObject()) {
        return ParseOutcome.rejected("AKS kube-audit record without a JSON properties.log");
      }
      return readEvent(event, record).toOutcome(origin);
    }
    return readEvent(record, null).toOutcome(origin);
  }

  static boolean isAuditEvent(JsonNode record) {
    return "Event".equals(record.path("kind").asText())
        && (record.has("auditID") || record.has("verb"));
  }

  private static boolean isGke(JsonNode record) {
    return "k8s.io".equals(record.path("protoPayload").path("serviceName").asText());
  }

  private static boolean isAks(JsonNode record) {
    String category = record.path("category").asText();
    return category.equals("kube-audit") || category.equals("kube-audit-admin");
  }

  /** The request an {@code audit.k8s.io} event describes; {@code aks} is its wrapper or null. */
  private static K8sRequest readEvent(JsonNode event, JsonNode aks) {
    JsonNode ref = event.path("objectRef");
    String requestUri = text(event, "requestURI");
    return new K8sRequest(
        text(event, "stage"),
        eventTime(event),
        text(event, "user", "username"),
        text(event, "impersonatedUser", "username"),
        text(event, "verb"),
        text(ref, "resource"),
        text(ref, "subresource"),
        text(ref, "namespace"),
        text(ref, "name"),
        requestUri == null ? null : requestUri.split("\\?", 2)[0],
        text(Fields.firstOf(event.path("sourceIPs"))),
        text(event, "userAgent"),
        outcome(event),
        errorCode(event),
        aks == null ? null : text(aks, "resourceId"),
        null);
  }

  private static Instant eventTime(JsonNode event) {
    Instant time = Times.parse(event.path("requestReceivedTimestamp"));
    if (time == null) {
      time = Times.parse(event.path("stageTimestamp"));
    }
    return time != null ? time : Times.parse(event.path("timestamp"));
  }

  private static Outcome outcome(JsonNode event) {
    int code = event.path("responseStatus").path("code").asInt(0);
    String decision = text(event, "annotations", "authorization.k8s.io/decision");
    if (code == 403 || "forbid".equals(decision)) {
      return Outcome.DENIED;
    }
    boolean panicked = "Panic".equals(text(event, "stage"));
    return code >= 400 || panicked ? Outcome.ERROR : Outcome.SUCCESS;
  }

  private static String errorCode(JsonNode event) {
    JsonNode status = event.path("responseStatus");
    int code = status.path("code").asInt(0);
    if (code < 400) {
      return null;
    }
    return first(text(status, "reason"), String.valueOf(code));
  }
}
