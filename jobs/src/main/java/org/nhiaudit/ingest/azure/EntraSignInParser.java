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
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * Entra ID sign-in logs as diagnostic settings export them: an envelope ({@code time}, {@code
 * category}, {@code tenantId}, {@code callerIpAddress}) around {@code properties}. Categories
 * {@code ServicePrincipalSignInLogs} and {@code ManagedIdentitySignInLogs} are non-human; {@code
 * SignInLogs} and {@code NonInteractiveUserSignInLogs} are read too, as human, so that a mixed
 * folder is fully accounted for.
 *
 * <p>Fields used from {@code properties}: {@code createdDateTime}, {@code servicePrincipalId},
 * {@code appId}, {@code servicePrincipalName}/{@code appDisplayName}, {@code
 * servicePrincipalCredentialKeyId} (the secret or certificate used; its id, never its value),
 * {@code clientCredentialType}, {@code userPrincipalName}, {@code resourceDisplayName}, {@code
 * ipAddress}, {@code status.errorCode}. A failed sign-in whose code is a credential or access
 * refusal (expired or wrong secret, unknown app, disabled app, blocked by policy) is DENIED; any
 * other failure ERROR.
 *
 * <p>Not handled: the Log Analytics tables ({@code AADServicePrincipalSignInLogs} with PascalCase
 * columns) and Microsoft Graph {@code signIns} API pages.
 */
public final class EntraSignInParser implements RecordParser {

  private static final Set<String> MACHINE = Set.of("ServicePrincipalSignInLogs");
  private static final String MANAGED = "ManagedIdentitySignInLogs";
  private static final Set<String> PEOPLE = Set.of("SignInLogs", "NonInteractiveUserSignInLogs");

  /** AADSTS codes that mean the credential or the app was refused, not that something broke. */
  private static final Set<String> REFUSALS =
      Set.of(
          "7000222", "7000215", "700027", "700016", "7000112", "700024", "50053", "50126", "53003",
          "50105", "65001", "50034", "50057");

  private static final RecordKeys READS =
      RecordKeys.of("category", "time", "tenantId", "callerIpAddress")
          .and(
              "properties",
              RecordKeys.of(
                      "createdDateTime",
                      "servicePrincipalId",
                      "appId",
                      "servicePrincipalCredentialKeyId",
                      "clientCredentialType",
                      "userPrincipalName",
                      "userId",
                      "resourceDisplayName",
                      "resourceId",
                      "homeTenantId",
                      "ipAddress",
                      "userAgent")
                  .and("status", RecordKeys.of("errorCode"))
                  .and("location", RecordKeys.of("countryOrRegion")));

  @Override
  public String format() {
    return "entra-signin";
  }

  @Override
  public RecordKeys reads() {
    return READS;
  }

  @Override
  public boolean accepts(JsonNode record) {
    String category = record.path("category").asText();
    return (MACHINE.contains(category) || MANAGED.equals(category) || PEOPLE.contains(category))
        && record.has("properties");
  }

  @Override
  public ParseOutcome parse(JsonNode r, Origin origin) {
    JsonNode p = Fields.at(r, "properties");
    String category = text(r, "category");
    Instant time = first(Times.parse(p.path("createdDateTime")), Times.parse(r.path("time")));
    if (time == null) {
      return ParseOutcome.rejected("Entra sign-in without properties.createdDateTime or time");
    }
    Signer signer = signer(category, p);
    if (signer == null) {
      return ParseOutcome.rejected(
          "Entra sign-in without properties.servicePrincipalId, appId or userPrincipalName");
    }
    String code = text(p, "status", "errorCode");
    boolean ok = code == null || code.equals("0");
    String resource = first(text(p, "resourceDisplayName"), text(p, "resourceId"));
    return ParseOutcome.parsed(
        new AccessEvent(
            time,
            "azure",
            first(text(r, "tenantId"), text(p, "homeTenantId")),
            signer.identity(),
            signer.type(),
            signer.credential(),
            signer.kind(),
            "entra:" + category,
            resource == null ? List.of() : List.of(resource),
            first(text(r, "callerIpAddress"), text(p, "ipAddress")),
            text(p, "userAgent"),
            ok ? Outcome.SUCCESS : REFUSALS.contains(code) ? Outcome.DENIED : Outcome.ERROR,
            ok ? null : code,
            text(p, "location", "countryOrRegion"),
            signer.actorClass(),
            signer.rule(),
            origin));
  }

  private static Signer signer(String category, JsonNode p) {
    String principal = first(text(p, "servicePrincipalId"), text(p, "appId"));
    if (PEOPLE.contains(category)) {
      String user = first(text(p, "userPrincipalName"), text(p, "userId"));
      return user == null
          ? null
          : new Signer(
              user, "user", null, CredentialKind.UNKNOWN, ActorClass.HUMAN, "entra.user-signin");
    }
    if (principal == null) {
      return null;
    }
    if (MANAGED.equals(category)) {
      return new Signer(
          principal,
          "managedIdentity",
          principal,
          CredentialKind.SERVICE_ACCOUNT,
          ActorClass.NON_HUMAN,
          "entra.managed-identity-signin");
    }
    String keyId = text(p, "servicePrincipalCredentialKeyId");
    if (keyId == null) {
      return new Signer(
          principal,
          "servicePrincipal",
          first(text(p, "appId"), principal),
          CredentialKind.APP,
          ActorClass.NON_HUMAN,
          "entra.service-principal-signin");
    }
    return new Signer(
        principal,
        "servicePrincipal",
        keyId,
        keyKind(p),
        ActorClass.NON_HUMAN,
        "entra.service-principal-signin");
  }

  /** A certificate or client assertion is a CERTIFICATE; a secret or unknown type a key. */
  private static CredentialKind keyKind(JsonNode p) {
    String type = first(text(p, "clientCredentialType"), "").toLowerCase(Locale.ROOT);
    if (type.contains("certificate") || type.contains("assertion")) {
      return CredentialKind.CERTIFICATE;
    }
    return type.contains("federated") ? CredentialKind.TOKEN : CredentialKind.ACCESS_KEY;
  }

  private record Signer(
      String identity,
      String type,
      String credential,
      CredentialKind kind,
      ActorClass actorClass,
      String rule) {}
}
