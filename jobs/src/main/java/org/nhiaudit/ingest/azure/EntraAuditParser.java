package org.nhiaudit.ingest.azure;

import static org.nhiaudit.ingest.support.Fields.first;
import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.RecordKeys;
import org.nhiaudit.ingest.RecordParser;
import org.nhiaudit.ingest.support.Fields;
import org.nhiaudit.ingest.support.Times;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * Entra ID directory audit logs: who changed applications, service principals, credentials and
 * consent grants. Read in the diagnostic-settings shape (category {@code AuditLogs}, the record in
 * {@code properties}, camelCase) and the Log Analytics / Sentinel {@code AuditLogs} table shape
 * (PascalCase columns, nested objects stored as JSON text, which is decoded).
 *
 * <p>Fields used: {@code activityDisplayName} (else {@code OperationName}), {@code
 * activityDateTime} (else {@code TimeGenerated}, {@code time}), {@code initiatedBy.user} or {@code
 * initiatedBy.app}, {@code targetResources} (type/displayName, and key ids named in {@code
 * modifiedProperties}, so a secret or certificate added to an app shows as a {@code credential:}
 * resource), {@code result}, {@code resultReason}, the User-Agent entry of {@code
 * additionalDetails}, and the tenant id.
 *
 * <p>An app initiator is NON_HUMAN even when it is a Microsoft first-party service: the log does
 * not mark first-party apps, and telling them apart needs the tenant's service-principal list.
 */
public final class EntraAuditParser implements RecordParser {

  private static final Pattern KEY_ID = Pattern.compile("KeyIdentifier=([0-9A-Za-z-]+)");

  /** The initiator: an app or a user, and the user's address. */
  private static final RecordKeys INITIATOR =
      RecordKeys.none()
          .and(
              "app",
              RecordKeys.of("appId", "servicePrincipalId", "displayName", "servicePrincipalName"))
          .and("user", RecordKeys.of("userPrincipalName", "id", "ipAddress"));

  /**
   * The fields {@link #pick} reads from the audit record, which is {@code properties} in the
   * diagnostic-settings shape and the row itself in the table shape; each in both casings.
   */
  private static final RecordKeys AUDIT =
      bothCases(
          RecordKeys.of(
                  "activityDateTime",
                  "activityDisplayName",
                  "result",
                  "resultReason",
                  "targetResources",
                  "additionalDetails")
              .and("initiatedBy", INITIATOR));

  private static final RecordKeys READS =
      AUDIT
          .and("properties", AUDIT)
          .and("category", "TimeGenerated", "time", "Time", "tenantId", "TenantId")
          .and("OperationName", "AADTenantId", "UserAgent");

  @Override
  public String format() {
    return "entra-audit";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  /** {@code keys} with each key also in its PascalCase form, as {@link #pick} looks for both. */
  private static RecordKeys bothCases(RecordKeys keys) {
    RecordKeys both = keys;
    for (String key : keys.keys()) {
      both = both.and(Character.toUpperCase(key.charAt(0)) + key.substring(1), keys.get(key));
    }
    return both;
  }

  @Override
  public boolean accepts(JsonNode record) {
    if ("AuditLogs".equals(record.path("category").asText()) && record.has("properties")) {
      return true;
    }
    return (record.has("InitiatedBy") || record.has("initiatedBy"))
        && (record.has("ActivityDisplayName") || record.has("activityDisplayName"));
  }

  @Override
  public ParseOutcome parse(JsonNode r, Origin origin) {
    JsonNode a = r.has("properties") && !r.has("InitiatedBy") ? Fields.at(r, "properties") : r;
    Instant time =
        first(
            Times.parse(pick(a, "activityDateTime")),
            Times.parse(pick(r, "TimeGenerated")),
            Times.parse(pick(r, "time")));
    String activity = first(text(pick(a, "activityDisplayName")), text(r, "OperationName"));
    if (time == null) {
      return ParseOutcome.rejected("Entra audit record without activityDateTime");
    }
    if (activity == null) {
      return ParseOutcome.rejected("Entra audit record without activityDisplayName");
    }
    JsonNode initiator = pick(a, "initiatedBy");
    Initiator who = initiator(initiator);
    if (who == null) {
      return ParseOutcome.rejected("Entra audit record without initiatedBy.user or .app");
    }
    String result = first(text(pick(a, "result")), "success").toLowerCase(Locale.ROOT);
    String reason = text(pick(a, "resultReason"));
    return ParseOutcome.parsed(
        new AccessEvent(
            time,
            "azure",
            first(text(pick(r, "tenantId")), text(r, "AADTenantId")),
            who.identity(),
            who.type(),
            who.credential(),
            who.kind(),
            "entra:" + activity.strip(),
            targets(pick(a, "targetResources")),
            text(initiator, "user", "ipAddress"),
            first(userAgent(pick(a, "additionalDetails")), text(r, "UserAgent")),
            outcome(result, reason),
            result.equals("success") ? null : first(reason, result),
            null,
            who.actorClass(),
            who.rule(),
            origin));
  }

  /** {@code name} in camelCase or PascalCase, decoded when stored as JSON text. */
  private static JsonNode pick(JsonNode node, String name) {
    JsonNode camel = Fields.at(node, name);
    if (!camel.isMissingNode() && !camel.isNull()) {
      return camel;
    }
    return Fields.at(node, Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }

  private static Initiator initiator(JsonNode by) {
    JsonNode app = by.path("app");
    String appId = first(text(app, "appId"), text(app, "servicePrincipalId"));
    if (appId != null) {
      String name = first(text(app, "displayName"), text(app, "servicePrincipalName"), appId);
      return new Initiator(
          name, "application", appId, CredentialKind.APP, ActorClass.NON_HUMAN, "entra.audit-app");
    }
    String user = first(text(by, "user", "userPrincipalName"), text(by, "user", "id"));
    return user == null
        ? null
        : new Initiator(
            user, "user", null, CredentialKind.UNKNOWN, ActorClass.HUMAN, "entra.audit-user");
  }

  private static List<String> targets(JsonNode resources) {
    List<String> out = new ArrayList<>();
    for (JsonNode target : resources) {
      String name = first(text(target, "displayName"), text(target, "id"));
      if (name != null) {
        out.add(first(text(target, "type"), "target") + "/" + name);
      }
      Matcher keys = KEY_ID.matcher(target.path("modifiedProperties").toString());
      while (keys.find()) {
        out.add("credential:" + keys.group(1));
      }
    }
    return out.stream().distinct().toList();
  }

  private static String userAgent(JsonNode details) {
    for (JsonNode detail : details) {
      if ("User-Agent".equalsIgnoreCase(text(detail, "key"))) {
        return text(detail, "value");
      }
    }
    return null;
  }

  private static Outcome outcome(String result, String reason) {
    if (result.equals("success")) {
      return Outcome.SUCCESS;
    }
    String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    return lower.contains("insufficient privileges") || lower.contains("denied")
        ? Outcome.DENIED
        : Outcome.ERROR;
  }

  private record Initiator(
      String identity,
      String type,
      String credential,
      CredentialKind kind,
      ActorClass actorClass,
      String rule) {}
}
