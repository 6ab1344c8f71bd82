package org.nhiaudit.ingest.k8s;

import static org.nhiaudit.ingest.support.Fields.first;
import static org.nhiaudit.ingest.support.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.nhiaudit.ingest.support.Times;
import org.nhiaudit.model.Outcome;

/**
 * Reads a GKE audit entry: a Cloud Logging {@code LogEntry} whose {@code protoPayload} is an
 * AuditLog of service {@code k8s.io}. The Kubernetes user is {@code
 * authenticationInfo.principalEmail}; the method name {@code io.k8s.core.v1.pods.exec.create}
 * carries verb and resource, and {@code resourceName} ({@code core/v1/namespaces/NS/pods/NAME}) the
 * namespace and name.
 *
 * <p>Impersonation is not read from GKE entries: Cloud Logging does not carry the Kubernetes {@code
 * impersonatedUser} in a documented field.
 */
final class GkeAuditEntry {

  private GkeAuditEntry() {}

  static K8sRequest read(JsonNode entry) {
    JsonNode payload = entry.path("protoPayload");
    String method = text(payload, "methodName");
    List<String> parts = method == null ? List.of() : Arrays.asList(method.split("\\."));
    int version = versionIndex(parts);
    String verb = parts.isEmpty() ? null : parts.get(parts.size() - 1);
    String resource = version < 0 ? null : parts.get(version + 1);
    String subresource =
        version < 0 || version + 2 >= parts.size() - 1 ? null : parts.get(version + 2);
    String[] names = nameAndNamespace(text(payload, "resourceName"), resource);
    int code = payload.path("status").path("code").asInt(0);
    JsonNode labels = entry.path("resource").path("labels");
    return new K8sRequest(
        null,
        first(Times.parse(entry.path("timestamp")), Times.parse(entry.path("receiveTimestamp"))),
        text(payload, "authenticationInfo", "principalEmail"),
        null,
        verb,
        resource,
        subresource,
        names[0],
        names[1],
        text(payload, "resourceName"),
        text(payload, "requestMetadata", "callerIp"),
        text(payload, "requestMetadata", "callerSuppliedUserAgent"),
        code == 0 ? Outcome.SUCCESS : code == 7 ? Outcome.DENIED : Outcome.ERROR,
        code == 0 ? null : first(text(payload, "status", "message"), String.valueOf(code)),
        cluster(labels),
        text(labels, "location"));
  }

  /** The index of the API version segment ({@code v1}, {@code v1beta1}) or -1. */
  private static int versionIndex(List<String> parts) {
    for (int i = 0; i + 2 < parts.size(); i++) {
      if (parts.get(i).matches("v\\d+((alpha|beta)\\d+)?")) {
        return i;
      }
    }
    return -1;
  }

  /** {namespace, name} from a resource name such as {@code core/v1/namespaces/NS/pods/NAME}. */
  private static String[] nameAndNamespace(String resourceName, String resource) {
    String[] result = new String[2];
    if (resourceName == null) {
      return result;
    }
    List<String> segments = Arrays.asList(resourceName.split("/"));
    int ns = segments.indexOf("namespaces");
    if (ns >= 0 && ns + 1 < segments.size() && !"namespaces".equals(resource)) {
      result[0] = segments.get(ns + 1);
    }
    int at = resource == null ? -1 : segments.lastIndexOf(resource);
    if (at >= 0 && at + 1 < segments.size()) {
      result[1] = segments.get(at + 1);
    }
    return result;
  }

  private static String cluster(JsonNode labels) {
    String project = text(labels, "project_id");
    String name = text(labels, "cluster_name");
    if (name == null) {
      return project;
    }
    return project == null ? name : project + "/" + name;
  }
}
