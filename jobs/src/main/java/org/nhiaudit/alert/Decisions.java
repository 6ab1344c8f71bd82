package org.nhiaudit.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Review decisions, as far as the alerts need them: which credentials or identities were to be
 * revoked. Read from a CSV file with rows {@code credential,decision} (a header row naming those
 * columns is allowed) or a YAML file mapping each credential to its decision, or listing entries
 * with {@code credential} and {@code decision} keys. Decisions other than "revoke" are ignored.
 */
public final class Decisions implements Serializable {

  private static final String REVOKE = "revoke";

  private final Set<String> revoked;
  private final String source;

  private Decisions(Set<String> revoked, String source) {
    this.revoked = Set.copyOf(revoked);
    this.source = source;
  }

  /** No decisions at all. */
  public static Decisions none() {
    return new Decisions(Set.of(), "no decisions file");
  }

  /** Exactly these revoked credentials; {@code source} names where they came from. */
  public static Decisions revoking(Set<String> credentials, String source) {
    return new Decisions(credentials, source);
  }

  /**
   * Reads {@code file}, by its extension: {@code .yaml}/{@code .yml} as YAML, anything else as CSV.
   *
   * @throws IOException when it cannot be read or a row is not {@code credential,decision}
   */
  public static Decisions load(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Set<String> revoked =
        name.endsWith(".yaml") || name.endsWith(".yml") ? fromYaml(file) : fromCsv(file);
    return new Decisions(revoked, "decisions file " + file.getFileName());
  }

  /** The revoked credential or identity among those given, or null when neither was revoked. */
  public String revoked(String credential, String identity) {
    if (credential != null && revoked.contains(credential)) {
      return credential;
    }
    return identity != null && revoked.contains(identity) ? identity : null;
  }

  public int size() {
    return revoked.size();
  }

  public String source() {
    return source;
  }

  private static Set<String> fromCsv(Path file) throws IOException {
    Set<String> out = new HashSet<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setTrim(true).get().parse(in)) {
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue;
        }
        if (row.size() < 2) {
          throw new IOException(
              file + " line " + row.getRecordNumber() + ": expected credential,decision");
        }
        boolean header = row.getRecordNumber() == 1 && row.get(0).equalsIgnoreCase("credential");
        if (!header) {
          add(out, row.get(0), row.get(1));
        }
      }
    }
    return out;
  }

  private static Set<String> fromYaml(Path file) throws IOException {
    JsonNode root = new YAMLMapper().readTree(file.toFile());
    Set<String> out = new HashSet<>();
    if (root != null && root.isObject()) {
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        add(out, e.getKey(), e.getValue().asText());
      }
    } else if (root != null && root.isArray()) {
      for (JsonNode entry : root) {
        if (!entry.hasNonNull("credential") || !entry.hasNonNull("decision")) {
          throw new IOException(file + ": every entry needs credential and decision");
        }
        add(out, entry.get("credential").asText(), entry.get("decision").asText());
      }
    } else if (root != null && !root.isMissingNode() && !root.isNull()) {
      throw new IOException(file + ": expected a mapping or a list of decisions");
    }
    return out;
  }

  private static void add(Set<String> out, String credential, String decision) {
    if (REVOKE.equalsIgnoreCase(decision.trim()) && !credential.isBlank()) {
      out.add(credential.trim());
    }
  }
}
