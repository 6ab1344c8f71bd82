package org.nhiaudit.ingest.azure;

import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

/**
 * The caller of an Azure Resource Manager operation, read from the token claims the Activity Log
 * copies, and its classification.
 *
 * <p>Claims used: {@code xms_mirid} (managed identity resource id), {@code idtyp}, {@code appid},
 * the scope claim ({@code scp} or its URI form; present only on delegated, that is user, tokens)
 * and the name/UPN claims. The credential of an app is its application id: the Activity Log does
 * not say which secret or certificate the app signed in with (the Entra sign-in log does).
 */
record AzureCaller(
    String identity,
    String type,
    String credential,
    CredentialKind kind,
    ActorClass actorClass,
    String rule) {

  private static final String CLAIMS = "http://schemas.microsoft.com/identity/claims/";
  private static final String XML_CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";

  /** The caller named by {@code caller} (may be null) and {@code claims}, or null if neither. */
  static AzureCaller of(String caller, JsonNode claims) {
    String appId = text(claims, "appid");
    String managed = text(claims, "xms_mirid");
    String user = userName(claims);
    String idType = text(claims, "idtyp");
    if (managed != null) {
      return new AzureCaller(
          managed,
          "managedIdentity",
          managed,
          CredentialKind.SERVICE_ACCOUNT,
          ActorClass.NON_HUMAN,
          "azure.managed-identity");
    }
    boolean delegated = text(claims, "scp") != null || text(claims, CLAIMS + "scope") != null;
    if ("app".equals(idType) || appId != null && user == null && !delegated) {
      return new AzureCaller(
          caller != null ? caller : appId,
          "application",
          appId,
          CredentialKind.APP,
          ActorClass.NON_HUMAN,
          "azure.app-token");
    }
    String person = caller != null ? caller : user;
    if (person != null) {
      return new AzureCaller(
          person, "user", null, CredentialKind.UNKNOWN, ActorClass.HUMAN, "azure.user-token");
    }
    return null;
  }

  private static String userName(JsonNode claims) {
    for (String key :
        new String[] {XML_CLAIMS + "upn", "upn", XML_CLAIMS + "name", "unique_name", "name"}) {
      String value = text(claims, key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
