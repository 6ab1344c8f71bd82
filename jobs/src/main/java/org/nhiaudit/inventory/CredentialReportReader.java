package org.nhiaudit.inventory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

/**
 * Reads an IAM credential report ({@code aws iam get-credential-report}, CSV decoded).
 *
 * <p>Each row is a principal: HUMAN when it may sign in with a password (and the root row, which
 * only a person uses), else NON_HUMAN. Each access-key slot that is active, or that ever held a key
 * ({@code last_rotated} set), becomes a credential of kind ACCESS_KEY (ROOT on the root row),
 * NON_HUMAN whoever the user is, since a key is used by software even when a person holds it.
 *
 * <p>The report does not give key ids, so a slot is named {@code <userArn>#access_key_N} until a
 * {@code list-access-keys} file lets {@link InventoryLoader} bind it. The slot's {@code
 * last_rotated} is when the key now in the slot was created, so it becomes {@code created}: a
 * rotated key is a new credential, and {@code lastRotated} stays null. The region and service of
 * the last use are not kept, as {@link CredentialRecord} has no place for them.
 *
 * <p>Signing certificates ({@code cert_1}, {@code cert_2}) are not read.
 */
public final class CredentialReportReader {

  /** The columns without which a row means nothing. */
  private static final List<String> REQUIRED = List.of("user", "arn", "access_key_1_active");

  private static final String ROOT_USER = "<root_account>";

  private final String file;

  private CredentialReportReader(String file) {
    this.file = file;
  }

  /**
   * @param text the whole report
   * @param file the file as named on input, for sources and error messages
   */
  public static CredentialReport read(String text, String file) {
    try (Reader reader = new StringReader(stripBom(text))) {
      return new CredentialReportReader(file).readAll(reader);
    } catch (IOException e) {
      throw new InventoryException(file, null, null, "cannot read: " + e.getMessage(), e);
    }
  }

  private CredentialReport readAll(Reader reader) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser csv = CSVParser.parse(reader, format)) {
      CsvRow.Columns columns = CsvRow.Columns.of(csv.getHeaderNames(), file, REQUIRED);
      List<Principal> principals = new ArrayList<>();
      List<CredentialRecord> keys = new ArrayList<>();
      int rows = 0;
      for (CSVRecord record : csv) {
        rows++;
        CsvRow row = new CsvRow(record, columns, file);
        Principal principal = principal(row);
        principals.add(principal);
        for (int slot = 1; slot <= 2; slot++) {
          CredentialRecord key = key(row, principal, slot);
          if (key != null) {
            keys.add(key);
          }
        }
      }
      return new CredentialReport(principals, keys, rows);
    }
  }

  private Principal principal(CsvRow row) {
    String user = row.required("user");
    String arn = row.required("arn");
    boolean root = ROOT_USER.equals(user);
    Boolean password = row.flag("password_enabled");
    boolean human = root || Boolean.TRUE.equals(password);

    Instant lastUsed = latest(row.instant("password_last_used"), null);
    lastUsed = latest(lastUsed, row.instant("access_key_1_last_used_date"));
    lastUsed = latest(lastUsed, row.instant("access_key_2_last_used_date"));
    return new Principal(
        arn,
        root ? "root" : user,
        "aws",
        InventoryValues.accountOf(arn),
        root ? "root" : "user",
        human ? ActorClass.HUMAN : ActorClass.NON_HUMAN,
        row.instant("user_creation_time"),
        lastUsed,
        List.of(),
        Map.of(),
        null);
  }

  private CredentialRecord key(CsvRow row, Principal principal, int slot) {
    String prefix = "access_key_" + slot + "_";
    boolean active = Boolean.TRUE.equals(row.flag(prefix + "active"));
    Instant created = row.instant(prefix + "last_rotated");
    if (!active && created == null) {
      return null;
    }
    CredentialKind kind =
        "root".equals(principal.type()) ? CredentialKind.ROOT : CredentialKind.ACCESS_KEY;
    return new CredentialRecord(
        slotId(principal.identity(), slot),
        kind,
        "aws",
        principal.identity(),
        ActorClass.NON_HUMAN,
        active,
        created,
        null,
        row.instant(prefix + "last_used_date"),
        null,
        null,
        null,
        null,
        List.of(),
        file);
  }

  /** The id a key slot has until it is bound to a real key id. */
  public static String slotId(String userArn, int slot) {
    return userArn + "#access_key_" + slot;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Drops a byte-order mark, which spreadsheet programs put before the header. */
  static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
