package org.nhiaudit.ingest.gcp;

import static org.nhiaudit.ingest.support.Fields.first;
import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

/**
 * Who made a Google Cloud call, read from an AuditLog's {@code authenticationInfo}, and how the
 * project classifies them.
 *
 * <p>The acting identity is {@code principalEmail}; without it (workload identity federation, some
 * service agents) the {@code principalSubject}, and failing that the first authority of the
 * delegation chain. When a chain exists its first authority, the principal that started the
 * impersonation, is noted in {@code type} as {@code delegated-by}.
 *
 * <p>Service agents are recognised by Google's naming ({@code service-NUMBER@...}, {@code gcp-sa-*}
 * domains, {@code cloudservices} and other non-IAM {@code gserviceaccount.com} domains). A customer
 * service account named to look like one would be misclassified.
 */
record GcpPrincipal(
    String identity,
    String type,
    String credential,
    CredentialKind kind,
    ActorClass actorClass,
    String rule) {

  private static final String WORKLOAD_PREFIX = "principal://";
  private static final String WORKLOAD_SET_PREFIX = "principalSet://";

  /** The principal {@code auth} names, or null when it names none. */
  static GcpPrincipal of(JsonNode auth) {
    String authority = firstAuthority(auth.path("serviceAccountDelegationInfo"));
    String subject = text(auth, "principalSubject");
    String identity = first(text(auth, "principalEmail"), fromSubject(subject), authority);
    if (identity == null) {
      return null;
    }
    GcpPrincipal who = classify(identity, keyId(text(auth, "serviceAccountKeyName")));
    if (authority == null || authority.equals(identity)) {
      return who;
    }
    return new GcpPrincipal(
        who.identity,
        who.type + " delegated-by " + authority,
        who.credential,
        who.kind,
        who.actorClass,
        who.rule);
  }

  static GcpPrincipal classify(String identity, String keyId) {
    if (identity.startsWith(WORKLOAD_PREFIX) || identity.startsWith(WORKLOAD_SET_PREFIX)) {
      return new GcpPrincipal(
          identity,
          "workloadIdentity",
          identity,
          CredentialKind.SERVICE_ACCOUNT,
          ActorClass.NON_HUMAN,
          "gcp.workload-identity");
    }
    String domain = identity.substring(identity.indexOf('@') + 1);
    if (domain.endsWith("gserviceaccount.com") && isServiceAgent(identity, domain)) {
      return new GcpPrincipal(
          identity,
          "serviceAgent",
          null,
          CredentialKind.UNKNOWN,
          ActorClass.SERVICE,
          "gcp.service-agent");
    }
    if (domain.endsWith("gserviceaccount.com")) {
      return keyId == null
          ? new GcpPrincipal(
              identity,
              "serviceAccount",
              identity,
              CredentialKind.SERVICE_ACCOUNT,
              ActorClass.NON_HUMAN,
              "gcp.service-account")
          : new GcpPrincipal(
              identity,
              "serviceAccount",
              keyId,
              CredentialKind.ACCESS_KEY,
              ActorClass.NON_HUMAN,
              "gcp.service-account-key");
    }
    return new GcpPrincipal(
        identity, "user", null, CredentialKind.UNKNOWN, ActorClass.HUMAN, "gcp.user");
  }

  private static boolean isServiceAgent(String identity, String domain) {
    return identity.matches("service-\\d+@.*")
        || domain.startsWith("gcp-sa-")
        || !domain.endsWith(".iam.gserviceaccount.com")
            && !domain.equals("developer.gserviceaccount.com")
            && !domain.equals("appspot.gserviceaccount.com");
  }

  /** {@code user:a@b} and {@code serviceAccount:x@y} give the e-mail; federated subjects stay. */
  private static String fromSubject(String subject) {
    if (subject == null) {
      return null;
    }
    if (subject.startsWith(WORKLOAD_PREFIX) || subject.startsWith(WORKLOAD_SET_PREFIX)) {
      return subject;
    }
    int colon = subject.indexOf(':');
    return colon < 0 ? subject : subject.substring(colon + 1);
  }

  private static String firstAuthority(JsonNode chain) {
    if (!chain.isArray() || chain.isEmpty()) {
      return null;
    }
    JsonNode head = chain.get(0);
    return first(
        text(head, "firstPartyPrincipal", "principalEmail"),
        fromSubject(text(head, "principalSubject")),
        head.has("thirdPartyPrincipal") ? "third-party-principal" : null);
  }

  /** The key id at the end of {@code //iam.googleapis.com/projects/P/serviceAccounts/S/keys/K}. */
  private static String keyId(String keyName) {
    if (keyName == null) {
      return null;
    }
    return keyName.substring(keyName.lastIndexOf('/') + 1);
  }
}
