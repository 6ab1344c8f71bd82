package org.nhiaudit.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code aws iam list-access-keys} output: {@code {"AccessKeyMetadata":[...]}}, a JSON array
 * of such wrappers (one per user or page), or a bare JSON array of key entries.
 */
public final class AccessKeyListReader {

  private AccessKeyListReader() {}

  /** True when the parsed JSON has one of the accepted shapes. */
  static boolean accepts(JsonNode root) {
    if (root.isObject()) {
      return root.has("AccessKeyMetadata");
    }
    JsonNode first = root.path(0);
    return first.has("AccessKeyMetadata") || first.has("AccessKeyId") && first.has("UserName");
  }

  /**
   * @param root the parsed file
   * @param file the file as named on input, for sources and error messages
   */
  public static List<AccessKeyMetadata> read(JsonNode root, String file) {
    List<AccessKeyMetadata> keys = new ArrayList<>();
    if (root.isObject()) {
      entries(root.path("AccessKeyMetadata"), "AccessKeyMetadata", file, keys);
      return keys;
    }
    for (int i = 0; i < root.size(); i++) {
      JsonNode element = root.get(i);
      if (element.has("AccessKeyMetadata")) {
        entries(element.path("AccessKeyMetadata"), "[" + i + "].AccessKeyMetadata", file, keys);
      } else {
        keys.add(key(element, "[" + i + "]", file));
      }
    }
    return keys;
  }

  private static void entries(JsonNode list, String at, String file, List<AccessKeyMetadata> keys) {
    for (int i = 0; i < list.size(); i++) {
      keys.add(key(list.get(i), at + "[" + i + "]", file));
    }
  }

  private static AccessKeyMetadata key(JsonNode entry, String at, String file) {
    String user = required(entry, "UserName", at, file);
    String id = required(entry, "AccessKeyId", at, file);
    String status = entry.path("Status").asText("Active").toLowerCase(Locale.ROOT);
    if (!status.equals("active") && !status.equals("inactive")) {
      throw new InventoryException(
          file, at, "Status", "expected Active or Inactive, found '" + status + "'");
    }
    try {
      return new AccessKeyMetadata(
          user,
          id,
          status.equals("active"),
          InventoryValues.instant(entry.path("CreateDate").asText(null)),
          file);
    } catch (IllegalArgumentException e) {
      throw new InventoryException(file, at, "CreateDate", e.getMessage(), e);
    }
  }

  private static String required(JsonNode entry, String field, String at, String file) {
    String value = InventoryValues.text(entry.path(field).asText(null));
    if (value == null) {
      throw new InventoryException(file, at, field, "missing or empty");
    }
    return value;
  }
}
