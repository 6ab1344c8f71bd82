package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Azure: Activity Log records and Entra ID service-principal sign-ins as diagnostic settings write
 * them (JSON lines). Planted: the report exporter app, whose client secret expired about 45 days
 * before the window ends and whose job keeps signing in with it and failing (AADSTS7000222);
 * healthy: the order sync app with a secret issued a month ago that expires in two months. A
 * user-assigned managed identity and a person also call Resource Manager.
 */
final class AzureSlice extends PlatformSlice {

  private static final String SIGN_IN = "ServicePrincipalSignInLogs";
  private static final String EXPIRED = "7000222";

  private final String tenant = ids.uuid();
  private final String subscription = ids.uuid();
  private final App exporter = new App("report-exporter", ids.uuid(), ids.uuid(), ids.uuid());
  private final App orders = new App("order-sync", ids.uuid(), ids.uuid(), ids.uuid());
  private final String identity =
      "/subscriptions/"
          + subscription
          + "/resourceGroups/rg-shop/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/mi-checkout";
  private final String identityClient = ids.uuid();
  private final LocalDate exporterExpired = daysBeforeEnd(45);

  AzureSlice(SampleOptions options) {
    super(options, 3);
  }

  /** An Entra application: its app id, service principal object id and secret key id. */
  private record App(String name, String appId, String principalId, String secretId) {}

  @Override
  PlatformLog write() throws IOException {
    eachDay(this::day);
    writeJsonLines(options.out().resolve("azure"), "exr-tenant-", ".jsonl");
    List<PlatformCase> cases =
        List.of(
            new PlatformCase(
                "azure", exporter.principalId(), exporter.secretId(), Planted.ENTRA_EXPIRED_SECRET),
            new PlatformCase("azure", orders.principalId(), orders.secretId(), Planted.HEALTHY));
    return new PlatformLog("azure", "azure", recordCount(), 0, cases, owners(), List.of());
  }

  private void day(LocalDate date) {
    boolean expired = !date.isBefore(exporterExpired);
    int tries = expired ? 3 : 1;
    for (int i = calls(tries); i > 0; i--) {
      signIn(date, exporter, expired ? EXPIRED : "0");
    }
    if (!expired) {
      activity(date, exporter.appId(), null, "MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION");
    }
    signIn(date, orders, "0");
    activity(date, orders.appId(), null, "MICROSOFT.SERVICEBUS/NAMESPACES/QUEUES/WRITE");
    if (random.nextBoolean()) {
      activity(date, null, identity, "MICROSOFT.KEYVAULT/VAULTS/SECRETS/READ");
    }
    if (!weekend(date) && random.nextInt(3) == 0) {
      activity(date, null, null, "MICROSOFT.WEB/SITES/RESTART/ACTION");
    }
  }

  private void signIn(LocalDate date, App app, String code) {
    Instant time = timeOn(date, 0, 24);
    ObjectNode p = object().put("id", ids.uuid()).put("createdDateTime", iso(time));
    p.put("appId", app.appId()).put("appDisplayName", app.name());
    p.put("servicePrincipalId", app.principalId()).put("servicePrincipalName", app.name());
    p.put("servicePrincipalCredentialKeyId", app.secretId());
    p.put("clientCredentialType", "clientSecret");
    p.put("ipAddress", "198.51.100.61").put("resourceDisplayName", "Microsoft Graph");
    p.putObject("status").put("errorCode", Integer.parseInt(code));
    p.putObject("location").put("countryOrRegion", "DE");
    ObjectNode record =
        object()
            .put("time", iso(time))
            .put("resourceId", "/tenants/" + tenant + "/providers/Microsoft.aadiam")
            .put("operationName", "Sign-in activity");
    record.put("category", SIGN_IN).put("tenantId", tenant);
    record.put("resultType", code).put("callerIpAddress", "198.51.100.61");
    record.set("properties", p);
    add(time, record);
  }

  private void activity(LocalDate date, String appId, String managed, String operation) {
    Instant time = timeOn(date, 7, 19);
    ObjectNode claims = object();
    if (managed != null) {
      claims.put("xms_mirid", managed).put("idtyp", "app").put("appid", identityClient);
    } else if (appId != null) {
      claims.put("appid", appId).put("idtyp", "app");
    } else {
      claims.put(
          "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "ana.lima@example.com");
      claims.put("http://schemas.microsoft.com/identity/claims/scope", "user_impersonation");
    }
    ObjectNode record = object().put("time", iso(time));
    record.put(
        "resourceId",
        "/subscriptions/"
            + subscription
            + "/resourceGroups/rg-shop/"
            + "providers/"
            + operation.substring(0, operation.lastIndexOf('/')));
    record.put("operationName", operation).put("category", "Administrative");
    record.put("resultType", "Success").put("resultSignature", "Succeeded.");
    record.put("callerIpAddress", managed != null ? "10.20.1.4" : "198.51.100.61");
    record.put("correlationId", ids.uuid()).put("level", "Information").put("location", "global");
    record.putObject("identity").set("claims", claims);
    add(time, record);
  }

  private List<OwnerRow> owners() {
    LocalDate exporterIssued = exporterExpired.minusDays(365);
    LocalDate ordersIssued = daysBeforeEnd(30);
    return List.of(
        row(
            exporter.secretId(),
            "access_key",
            exporter.principalId(),
            "lars.berg@example.com",
            "reporting",
            exporterIssued,
            exporterExpired,
            "report-exporter client secret"),
        row(
            exporter.appId(),
            "app",
            exporter.appId(),
            "lars.berg@example.com",
            "reporting",
            null,
            null,
            "report-exporter application"),
        row(
            orders.secretId(),
            "access_key",
            orders.principalId(),
            "mei.tan@example.com",
            "checkout",
            ordersIssued,
            ordersIssued.plusDays(90),
            "order-sync client secret"),
        row(
            orders.appId(),
            "app",
            orders.appId(),
            "mei.tan@example.com",
            "checkout",
            null,
            null,
            "order-sync application"),
        row(
            identity,
            "service_account",
            identity,
            "mei.tan@example.com",
            "checkout",
            null,
            null,
            "checkout managed identity"));
  }

  private static OwnerRow row(
      String id,
      String kind,
      String who,
      String owner,
      String team,
      LocalDate created,
      LocalDate expires,
      String description) {
    return new OwnerRow(
        id, kind, "azure", who, owner, team, "prod", created, expires, List.of(), description);
  }
}
