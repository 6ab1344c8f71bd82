package org.nhiaudit.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.sample.Actor.Kind;

/**
 * The company's own ownership register, {@code owners.yaml}: one row per credential under {@code
 * credentials:}. Keys are listed by key id; roles by role ARN. One integration is listed by its
 * user ARN instead, which gives its owner to every key the user holds. Principals without an owner
 * are left out, as they would be from a register nobody updated.
 */
final class OwnersFile {

  private OwnersFile() {}

  static String yaml(InventoryWriter inventory, List<Actor> actors) {
    StringBuilder out = new StringBuilder();
    out.append("# Ownership register of Example Retail's machine credentials.\n");
    out.append("credentials:\n");
    for (Actor actor : actors) {
      if (actor.owner() == null || actor.kind() == Kind.CONSOLE_USER) {
        continue;
      }
      out.append(actor.kind() == Kind.KEY_USER ? key(inventory, actor) : role(inventory, actor));
    }
    return out.toString();
  }

  private static String key(InventoryWriter inventory, Actor user) {
    boolean byPrincipal = user.name().equals("notification-relay");
    StringBuilder row = new StringBuilder();
    field(row, "- id", byPrincipal ? user.arn() : user.accessKeyId());
    field(row, "  kind", "access_key");
    common(row, user);
    date(row, "created", inventory.keyCreatedAt(user));
    date(row, "last_rotated", inventory.keyCreatedAt(user));
    date(row, "last_used", inventory.lastUsed(user));
    row.append("  active: true\n");
    row.append("  scopes: []\n");
    field(row, "  description", user.description());
    return row.toString();
  }

  private static String role(InventoryWriter inventory, Actor role) {
    StringBuilder row = new StringBuilder();
    field(row, "- id", role.arn());
    field(row, "  kind", "role");
    common(row, role);
    date(row, "created", inventory.createdAt(role));
    date(row, "last_used", inventory.lastUsed(role));
    row.append("  active: true\n");
    row.append("  scopes: []\n");
    field(row, "  description", role.description());
    return row.toString();
  }

  private static void common(StringBuilder row, Actor actor) {
    field(row, "  provider", "aws");
    field(row, "  identity", actor.arn());
    field(row, "  owner", InventoryWriter.email(actor.owner()));
    field(row, "  team", actor.team());
    field(row, "  environment", actor.environment());
  }

  private static void date(StringBuilder row, String name, Instant value) {
    if (value != null) {
      row.append("  ").append(name).append(": ");
      row.append(value.atZone(ZoneOffset.UTC).toLocalDate()).append('\n');
    }
  }

  /** Double-quoted YAML scalars are JSON strings, so the JSON encoder quotes them safely. */
  private static void field(StringBuilder row, String name, String value) {
    try {
      row.append(name).append(": ").append(Json.MAPPER.writeValueAsString(value)).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always encodes", e);
    }
  }
}
