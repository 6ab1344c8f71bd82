package org.nhiaudit.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nhiaudit.ingest.Json;

/**
 * Turns an IAM policy document into {@link Grant}s, one per action pattern of each statement.
 *
 * <p>A document may be a JSON object or a string: the raw IAM API returns it URL-encoded, some
 * tools store it as plain JSON text. {@code Statement} may be one object or a list, and {@code
 * Action} / {@code NotAction} a string or a list; patterns are kept as written.
 *
 * <p>Contract for {@code NotAction}: the patterns of one statement together mean "everything but
 * these". Each becomes a grant with {@code notAction} set, and all grants of one statement share
 * the same {@code source}, which ends with the statement's position ({@code #2}), so that a reader
 * such as {@link PermissionAnalyzer} can put the statement back together.
 *
 * <p>Not read: {@code Resource}, {@code NotResource}, {@code Condition} and {@code Principal}. A
 * grant therefore says what a statement may do somewhere, which overstates access that a policy
 * scopes to one bucket or guards with a condition.
 */
final class PolicyDocuments {

  private PolicyDocuments() {}

  /**
   * @param document the policy document, as an object or as (URL-encoded) JSON text
   * @param source names the policy for evidence, e.g. {@code inline:ReadLogs}
   * @param file the inventory file, for error messages
   * @param location where the document sits in the file, for error messages
   */
  static List<Grant> grants(JsonNode document, String source, String file, String location) {
    JsonNode parsed = asObject(document, file, location);
    JsonNode statements = parsed.path("Statement");
    List<Grant> grants = new ArrayList<>();
    int index = 0;
    for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
      index++;
      if (statement.isObject()) {
        String at = location + ".Statement[" + index + "]";
        grants.addAll(statementGrants(statement, source + "#" + index, file, at));
      }
    }
    return grants;
  }

  private static List<Grant> statementGrants(
      JsonNode statement, String source, String file, String location) {
    Grant.Effect effect = effect(statement.path("Effect").asText(""), file, location);
    boolean notAction = statement.has("NotAction");
    JsonNode actions = statement.path(notAction ? "NotAction" : "Action");

    List<Grant> grants = new ArrayList<>();
    for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
      if (action.isTextual() && !action.asText().isBlank()) {
        grants.add(new Grant(effect, action.asText().trim(), notAction, source));
      }
    }
    return grants;
  }

  private static Grant.Effect effect(String text, String file, String location) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "allow" -> Grant.Effect.ALLOW;
      case "deny" -> Grant.Effect.DENY;
      default ->
          throw new InventoryException(
              file, location, "Effect", "expected Allow or Deny, found '" + text + "'");
    };
  }

  private static JsonNode asObject(JsonNode document, String file, String location) {
    if (document.isObject()) {
      return document;
    }
    if (!document.isTextual()) {
      throw new InventoryException(
          file, location, "PolicyDocument", "expected a policy object or JSON text");
    }
    String text = document.asText().trim();
    if (!text.startsWith("{")) {
      text = URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
    try {
      JsonNode parsed = Json.MAPPER.readTree(text);
      if (parsed == null || !parsed.isObject()) {
        throw new InventoryException(
            file, location, "PolicyDocument", "the decoded text is not a JSON object");
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw new InventoryException(
          file, location, "PolicyDocument", "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
