package org.nhiaudit.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nhiaudit.ingest.Json;

/**
 * Writes the sample company's logs of every platform besides AWS, and the ownership register that
 * covers them ({@code inventory/platform-owners.yaml}, in the generic inventory format).
 */
final class PlatformSlices {

  static final String REGISTER = "platform-owners.yaml";

  private PlatformSlices() {}

  static List<PlatformLog> write(SampleOptions options) throws IOException {
    List<PlatformLog> logs = new ArrayList<>();
    logs.add(new GcpSlice(options).write());
    logs.add(new KubernetesSlice(options).write());
    logs.add(new AzureSlice(options).write());
    logs.add(new GitHubSlice(options).write());
    logs.add(new OktaSlice(options).write());
    logs.add(new GenericSlice(options).write());
    if (options.inventory()) {
      Path register = options.out().resolve("inventory").resolve(REGISTER);
      Files.createDirectories(register.getParent());
      Files.writeString(register, register(logs));
    }
    return logs;
  }

  private static String register(List<PlatformLog> logs) {
    StringBuilder out = new StringBuilder();
    out.append("# Ownership register of Example Retail's credentials outside AWS.\n");
    out.append("# Rows without kind name a principal; their owner covers its credentials.\n");
    out.append("credentials:\n");
    for (PlatformLog log : logs) {
      for (OwnerRow row : log.owners()) {
        row(out, row);
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, OwnerRow row) {
    field(out, "- id", row.id());
    field(out, "  kind", row.kind());
    field(out, "  provider", row.provider());
    field(out, "  identity", row.identity());
    field(out, "  owner", row.owner());
    field(out, "  team", row.team());
    field(out, "  environment", row.environment());
    date(out, "  created", row.created());
    date(out, "  expires", row.expires());
    if (!row.scopes().isEmpty()) {
      out.append("  scopes:\n");
      row.scopes().forEach(scope -> item(out, "    ", scope));
    }
    field(out, "  description", row.description());
  }

  private static void date(StringBuilder out, String name, LocalDate value) {
    if (value != null) {
      out.append(name).append(": ").append(value).append('\n');
    }
  }

  /** One entry of a YAML block list, quoted like {@link #field}. */
  private static void item(StringBuilder out, String indent, String value) {
    try {
      out.append(indent).append("- ").append(Json.MAPPER.writeValueAsString(value)).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always encodes", e);
    }
  }

  /** Double-quoted YAML scalars are JSON strings, so the JSON encoder quotes them safely. */
  private static void field(StringBuilder out, String name, String value) {
    if (value == null) {
      return;
    }
    try {
      out.append(name).append(": ").append(Json.MAPPER.writeValueAsString(value)).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always encodes", e);
    }
  }
}
