package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Okta: System Log events as the logs API returns them (a JSON array per file). Planted: an API
 * token of the provisioning service about fourteen months old that the register gives no owner;
 * healthy: the HR sync's OAuth service app, owned. People sign in and Okta itself logs events too.
 */
final class OktaSlice extends PlatformSlice {

  static final String PROVISIONING = "svc-provisioning@example.com";

  private final String apiToken = "00T" + ids.unique("").substring(0, 17);
  private final String provisioningUser = "00u" + ids.unique("").substring(0, 17);
  private final String hrClient = "0oa" + ids.unique("").substring(0, 17);

  OktaSlice(SampleOptions options) {
    super(options, 5);
  }

  @Override
  PlatformLog write() throws IOException {
    eachDay(this::day);
    writeJsonArrays(options.out().resolve("okta"), "exr-okta-system-log-", ".json");
    List<PlatformCase> cases =
        List.of(
            new PlatformCase("okta", PROVISIONING, apiToken, Planted.OKTA_UNOWNED_TOKEN),
            new PlatformCase("okta", "hr-sync", hrClient, Planted.HEALTHY));
    return new PlatformLog("okta", "okta", recordCount(), 0, cases, owners(), List.of());
  }

  private void day(LocalDate date) {
    String[] provisioning = {
      "user.lifecycle.create", "group.user_membership.add", "user.account.update_profile"
    };
    for (int i = calls(2); i > 0; i--) {
      ObjectNode actor = actor(provisioningUser, "User", PROVISIONING, "Provisioning Service");
      ObjectNode event = event(date, actor, pick(provisioning), "198.51.100.120", "okhttp/4.12.0");
      event
          .putObject("transaction")
          .put("type", "WEB")
          .put("id", ids.hex(24))
          .putObject("detail")
          .put("requestApiTokenId", apiToken);
    }
    for (int i = calls(1); i > 0; i--) {
      ObjectNode actor = actor(hrClient, "PublicClientApp", "hr-sync", "HR sync");
      event(
          date,
          actor,
          "app.oauth2.as.token.grant.access_token",
          "198.51.100.121",
          "python-requests/2.32.3");
    }
    if (!weekend(date)) {
      ObjectNode person =
          actor("00u" + "ana0000lima00000", "User", "ana.lima@example.com", "Ana Lima");
      event(date, person, "user.session.start", "203.0.113.80", "Mozilla/5.0 Chrome/129.0");
    }
    if (random.nextInt(10) == 0) {
      ObjectNode system =
          actor("0oa1system000000000", "SystemPrincipal", "system@okta.com", "Okta System");
      event(date, system, "system.org.rate_limit.warning", null, null);
    }
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static ObjectNode actor(String id, String type, String alternateId, String name) {
    return object()
        .put("id", id)
        .put("type", type)
        .put("alternateId", alternateId)
        .put("displayName", name);
  }

  private ObjectNode event(LocalDate date, ObjectNode actor, String type, String ip, String agent) {
    Instant time = timeOn(date, 6, 22);
    ObjectNode event = object().put("uuid", ids.uuid()).put("published", iso(time));
    event.put("eventType", type).put("version", "0").put("severity", "INFO");
    event.put("displayMessage", type.replace('.', ' '));
    event.set("actor", actor);
    ObjectNode client = event.putObject("client");
    if (ip != null) {
      client.put("ipAddress", ip);
      client.putObject("userAgent").put("rawUserAgent", agent);
    }
    event.putObject("outcome").put("result", "SUCCESS");
    event.putArray("target");
    add(time, event);
    return event;
  }

  private List<OwnerRow> owners() {
    return List.of(
        new OwnerRow(
            apiToken,
            "token",
            "okta",
            PROVISIONING,
            null,
            null,
            "prod",
            daysBeforeEnd(430),
            null,
            List.of(),
            "provisioning API token"),
        new OwnerRow(
            hrClient,
            "app",
            "okta",
            "hr-sync",
            "mei.tan@example.com",
            "people-ops",
            "prod",
            daysBeforeEnd(200),
            null,
            List.of(),
            "HR sync OAuth service app"));
  }
}
