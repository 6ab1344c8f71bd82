package org.nhiaudit.ingest.azure;

import static org.nhiaudit.ingest.support.Fields.first;
import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordKeys;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.ingest.support.Fields;
import org.nhiaudit.ingest.support.Times;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * The Azure Activity Log, in the two shapes it is exported in: diagnostic settings (storage account
 * or Event Hub; camelCase {@code operationName}, {@code callerIpAddress}, {@code identity.claims},
 * {@code resultType}) and the azure-mgmt-monitor SDK serialisation (snake_case {@code
 * operation_name.value}, {@code event_timestamp}, {@code caller}, {@code claims}, {@code
 * http_request.client_ip_address}, {@code status.value}).
 *
 * <p>The action is the ARM operation name as logged. A refused call ({@code Forbidden} or {@code
 * AuthorizationFailed} in the status) is DENIED, any other failure ERROR.
 *
 * <p>Known shortcoming: ARM logs an operation once when it starts and again when it ends; both
 * records become events, so per-credential call counts run up to twice the operations made. Not
 * handled: the Log Analytics {@code AzureActivity} table columns.
 */
public final class AzureActivityParser implements RecordParser {

  private static final Set<String> DIAGNOSTIC_CATEGORIES =
      Set.of("Administrative", "Policy", "Security", "Autoscale", "Recommendation", "Alert");

  /** The fields of both shapes, and the claims {@link AzureCaller} reads. */
  private static final RecordKeys READS =
      RecordKeys.of(
              "time",
              "operationName",
              "category",
              "callerIpAddress",
              "resultSignature",
              "resultType",
              "resourceId",
              "location")
          .and("identity", RecordKeys.of("claims"))
          .and("properties", RecordKeys.of("statusCode"))
          .and("event_timestamp", "caller", "claims", "resource_id", "subscription_id")
          .and("operation_name", RecordKeys.of("value"))
          .and("status", RecordKeys.of("value"))
          .and("sub_status", RecordKeys.of("value"))
          .and("http_request", RecordKeys.of("client_ip_address"));

  @Override
  public String format() {
    return "azure-activity";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  @Override
  public boolean accepts(JsonNode record) {
    if (record.has("event_timestamp") && record.has("operation_name")) {
      return true;
    }
    return record.path("operationName").isTextual()
        && (record.path("identity").has("claims")
            || DIAGNOSTIC_CATEGORIES.contains(record.path("category").asText()));
  }

  @Override
  public ParseOutcome parse(JsonNode r, Origin origin) {
    boolean sdk = r.has("event_timestamp");
    Instant time = Times.parse(sdk ? r.path("event_timestamp") : r.path("time"));
    String operation = sdk ? text(r, "operation_name", "value") : text(r, "operationName");
    JsonNode claims = sdk ? Fields.at(r, "claims") : Fields.at(r, "identity", "claims");
    AzureCaller caller = AzureCaller.of(sdk ? text(r, "caller") : null, claims);
    if (time == null) {
      return ParseOutcome.rejected(
          "Azure activity record without " + (sdk ? "event_timestamp" : "time"));
    }
    if (operation == null) {
      return ParseOutcome.rejected(
          "Azure activity record without " + (sdk ? "operation_name.value" : "operationName"));
    }
    if (caller == null) {
      return ParseOutcome.rejected("Azure activity record without caller or identity claims");
    }
    String status =
        sdk
            ? first(text(r, "sub_status", "value"), text(r, "status", "value"))
            : first(
                text(r, "properties", "statusCode"),
                text(r, "resultSignature"),
                text(r, "resultType"));
    String resource = sdk ? text(r, "resource_id") : text(r, "resourceId");
    return ParseOutcome.parsed(
        new AccessEvent(
            time,
            "azure",
            sdk ? text(r, "subscription_id") : subscription(resource),
            caller.identity(),
            caller.type(),
            caller.credential(),
            caller.kind(),
            operation,
            resource == null ? List.of() : List.of(resource),
            sdk ? text(r, "http_request", "client_ip_address") : text(r, "callerIpAddress"),
            null,
            outcome(status, sdk ? text(r, "status", "value") : text(r, "resultType")),
            failed(sdk ? text(r, "status", "value") : text(r, "resultType")) ? status : null,
            sdk ? null : text(r, "location"),
            caller.actorClass(),
            caller.rule(),
            origin));
  }

  private static Outcome outcome(String detail, String result) {
    if (!failed(result)) {
      return Outcome.SUCCESS;
    }
    String lower = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
    return lower.contains("forbidden") || lower.contains("authorizationfailed")
        ? Outcome.DENIED
        : Outcome.ERROR;
  }

  private static boolean failed(String result) {
    return result != null && result.toLowerCase(Locale.ROOT).startsWith("fail");
  }

  /** The subscription id of an ARM resource id such as {@code /subscriptions/S/...}. */
  private static String subscription(String resourceId) {
    if (resourceId == null) {
      return null;
    }
    String[] parts = resourceId.split("/");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equalsIgnoreCase("subscriptions")) {
        return parts[i + 1];
      }
    }
    return null;
  }
}
