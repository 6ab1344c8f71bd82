package org.nhiaudit.ingest.k8s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/**
 * One API request as the audit shapes describe it, before it becomes an {@link AccessEvent}. The
 * GKE, AKS and plain readers fill it from their own fields so that classification, the action name
 * and the checks for missing fields are written once.
 *
 * @param stage the audit stage, or null when the shape has none
 * @param user the authenticated user name
 * @param impersonated the user the request was made as, when impersonation was used
 * @param path the request path without its query, used for non-resource requests
 * @param account the cluster as far as the wrapper names it, or null
 * @param region the cluster's location, or null
 */
record K8sRequest(
    String stage,
    Instant time,
    String user,
    String impersonated,
    String verb,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path,
    String sourceAddress,
    String userAgent,
    Outcome outcome,
    String errorCode,
    String account,
    String region) {

  private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  ParseOutcome toOutcome(Origin origin) {
    if (stage != null && !stage.equals("ResponseComplete") && !stage.equals("Panic")) {
      // The API server writes one record per stage of the same request; only the last counts.
      return ParseOutcome.filtered(
          "k8s audit stage " + stage + ": the same request is logged again at ResponseComplete");
    }
    String missing = missingField();
    if (missing != null) {
      return ParseOutcome.rejected("k8s audit event without " + missing);
    }
    String actor = impersonated != null ? impersonated : user;
    Classification who = classify(actor);
    return ParseOutcome.parsed(
        new AccessEvent(
            time,
            "k8s",
            account,
            actor,
            impersonated == null ? who.type() : who.type() + " impersonated-by " + user,
            who.credential(),
            who.kind(),
            "k8s:" + verb + " " + (resource != null ? resource : path),
            resources(),
            sourceAddress,
            userAgent,
            outcome,
            errorCode,
            region,
            who.actorClass(),
            who.rule(),
            origin));
  }

  private String missingField() {
    if (user == null) {
      return "user.username";
    }
    if (verb == null) {
      return "verb";
    }
    if (time == null) {
      return "a time (requestReceivedTimestamp, stageTimestamp or timestamp)";
    }
    return resource == null && path == null ? "objectRef.resource or requestURI" : null;
  }

  private List<String> resources() {
    if (resource == null) {
      return List.of(path);
    }
    List<String> parts = new ArrayList<>();
    if (namespace != null) {
      parts.add("namespaces/" + namespace);
    }
    parts.add(resource);
    if (name != null) {
      parts.add(name);
    }
    if (subresource != null) {
      parts.add(subresource);
    }
    return List.of(String.join("/", parts));
  }

  /** Who {@code actor} is, by the naming conventions Kubernetes and the managed services use. */
  static Classification classify(String actor) {
    if (actor.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      return new Classification(
          ActorClass.NON_HUMAN,
          "k8s.serviceaccount",
          "serviceaccount",
          actor,
          CredentialKind.SERVICE_ACCOUNT);
    }
    if (actor.endsWith(".iam.gserviceaccount.com")) {
      // A Google service account calling a GKE cluster with its own OAuth token.
      return new Classification(
          ActorClass.NON_HUMAN,
          "k8s.gcp-service-account",
          "gcp-service-account",
          actor,
          CredentialKind.SERVICE_ACCOUNT);
    }
    if (actor.equals("system:anonymous")) {
      // No credential was presented; kept with people so that it is reviewed, not scored as a key.
      return person(actor, "k8s.anonymous", "anonymous");
    }
    if (actor.startsWith("system:node:")) {
      return platform(actor, "k8s.node", "node");
    }
    if (actor.startsWith("system:kube-") || actor.equals("system:apiserver")) {
      return platform(actor, "k8s.control-plane", "control-plane");
    }
    if (actor.startsWith("system:") || actor.startsWith("eks:")) {
      return platform(actor, "k8s.system-user", "system");
    }
    return person(actor, "k8s.user", "user");
  }

  private static Classification platform(String actor, String rule, String type) {
    return new Classification(ActorClass.SERVICE, rule, type, actor, CredentialKind.UNKNOWN);
  }

  private static Classification person(String actor, String rule, String type) {
    return new Classification(ActorClass.HUMAN, rule, type, null, CredentialKind.UNKNOWN);
  }

  /** The outcome of {@link #classify}: the class, its rule and the credential it implies. */
  record Classification(
      ActorClass actorClass, String rule, String type, String credential, CredentialKind kind) {}
}
