package org.nhiaudit.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nhiaudit.ingest.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds inventory files under the given roots and reads them into one {@link Inventory}.
 *
 * <p>Directories are walked recursively in name order; files and directories whose name starts with
 * a dot are passed over. Each file's kind is told by its content, not its name: JSON with the
 * authorization-details lists, JSON with {@code AccessKeyMetadata}, a CSV whose header is a
 * credential report's, a CSV whose header names the generic columns, YAML with a top-level {@code
 * credentials:} key, {@code gcloud} JSON listing service-account keys, service accounts or an IAM
 * policy, or a {@code kubectl} JSON list of service accounts and RBAC objects. Anything else is
 * skipped with a warning and listed in {@link Inventory#skipped()}. A file of a recognised kind
 * that is malformed stops the load with an {@link InventoryException}, since a silently partial
 * inventory would make findings wrong.
 *
 * <p>Files are read whole into memory; inventories are small beside audit logs.
 */
public final class InventoryLoader {

  private static final Logger LOG = LoggerFactory.getLogger(InventoryLoader.class);

  private static final List<String> AUTHORIZATION_LISTS =
      List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");

  private static final Pattern YAML_CREDENTIALS = Pattern.compile("(?m)^credentials\\s*:");

  private InventoryLoader() {}

  /**
   * @param roots files or directories
   * @throws InventoryException when a recognised file is malformed
   * @throws UncheckedIOException when a file cannot be read at all
   */
  public static Inventory load(List<Path> roots) {
    InventoryMerger merger = new InventoryMerger();
    List<InventoryInput> inputs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path file : files(roots)) {
      InventoryInput input = read(file, merger);
      if (input == null) {
        LOG.warn("skipped {}: not a known inventory format", file);
        skipped.add(file.toString());
      } else {
        LOG.info("read {} as {} with {} entries", file, input.kind(), input.rows());
        inputs.add(input);
      }
    }
    return merger.build(inputs, skipped);
  }

  private static List<Path> files(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(path -> !hidden(root.relativize(path)))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list inventory root " + root, e);
      }
    }
    return files;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Reads one file into the merger; null when it is no inventory. */
  private static InventoryInput read(Path path, InventoryMerger merger) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read inventory file " + path, e);
    }
    String file = path.toString();
    String text = CredentialReportReader.stripBom(new String(bytes, StandardCharsets.UTF_8));
    String start = text.stripLeading();

    if (start.startsWith("{") || start.startsWith("[")) {
      return readJson(text, file, bytes, merger);
    }
    String header = start.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
    if (isCredentialReportHeader(header)) {
      CredentialReport report = CredentialReportReader.read(text, file);
      merger.add(report);
      return input(file, bytes, InventoryFileKind.AWS_CREDENTIAL_REPORT, report.rows());
    }
    if (GenericInventoryReader.isCsvHeader(header)) {
      List<InventoryRow> rows = GenericInventoryReader.readCsv(text, file);
      merger.addRows(rows);
      return input(file, bytes, InventoryFileKind.GENERIC_CSV, rows.size());
    }
    if (YAML_CREDENTIALS.matcher(text).find()) {
      List<InventoryRow> rows = GenericInventoryReader.readYaml(text, file);
      merger.addRows(rows);
      return input(file, bytes, InventoryFileKind.GENERIC_YAML, rows.size());
    }
    return null;
  }

  private static InventoryInput readJson(
      String text, String file, byte[] bytes, InventoryMerger merger) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      LOG.warn("{} is not valid JSON ({}), so it cannot be told apart", file, e.getMessage());
      return null;
    }
    if (root.isObject() && AUTHORIZATION_LISTS.stream().anyMatch(root::has)) {
      AuthorizationDetails details = AuthorizationDetailsReader.read(root, file);
      merger.add(details);
      return input(file, bytes, InventoryFileKind.AWS_AUTHORIZATION_DETAILS, details.entries());
    }
    if (AccessKeyListReader.accepts(root)) {
      List<AccessKeyMetadata> keys = AccessKeyListReader.read(root, file);
      merger.addKeys(keys);
      return input(file, bytes, InventoryFileKind.AWS_ACCESS_KEYS, keys.size());
    }
    return readPlatformJson(root, file, bytes, merger);
  }

  private static InventoryInput readPlatformJson(
      JsonNode root, String file, byte[] bytes, InventoryMerger merger) {
    PlatformInventory read;
    InventoryFileKind kind;
    if (GcpInventoryReader.isKeyList(root)) {
      read = GcpInventoryReader.readKeys(root, file);
      kind = InventoryFileKind.GCP_SERVICE_ACCOUNT_KEYS;
    } else if (GcpInventoryReader.isServiceAccountList(root)) {
      read = GcpInventoryReader.readServiceAccounts(root, file);
      kind = InventoryFileKind.GCP_SERVICE_ACCOUNTS;
    } else if (GcpInventoryReader.isIamPolicy(root)) {
      read = GcpInventoryReader.readPolicy(root, file);
      kind = InventoryFileKind.GCP_IAM_POLICY;
    } else if (KubernetesInventoryReader.accepts(root)) {
      read = KubernetesInventoryReader.read(root, file);
      kind = InventoryFileKind.KUBERNETES_OBJECTS;
    } else {
      return null;
    }
    merger.add(read);
    return input(file, bytes, kind, read.entries());
  }

  private static boolean isCredentialReportHeader(String header) {
    List<String> columns = List.of(header.replace(" ", "").split(","));
    return columns.contains("user")
        && columns.contains("arn")
        && columns.contains("access_key_1_active");
  }

  private static InventoryInput input(String file, byte[] bytes, InventoryFileKind kind, int rows) {
    return new InventoryInput(file, sha256(bytes), kind, rows);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
