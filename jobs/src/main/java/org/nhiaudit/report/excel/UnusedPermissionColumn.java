package org.nhiaudit.report.excel;

import java.util.function.Function;
import org.nhiaudit.report.view.CredentialView;

/** The columns of the unused-permissions sheet: one row per credential and unused pattern. */
enum UnusedPermissionColumn implements Column<UnusedPermissionColumn.Row> {
  CREDENTIAL("Credential (masked)", 24, r -> r.credential().credential()),
  IDENTITY("Identity", 48, r -> r.credential().identity()),
  OWNER("Owner", 30, r -> r.credential().ownerLabel()),
  PERMISSION("Unused permission", 50, Row::permission),
  ADMINISTRATIVE("Administrative", 14, Row::administrative),
  GRANTED("Granted", 9, r -> r.credential().permissions().granted()),
  USED("Used", 7, r -> r.credential().permissions().used().size());

  /** One unused pattern of one credential. */
  record Row(CredentialView credential, String permission) {
    boolean administrative() {
      return credential.permissions().administrative().contains(permission);
    }
  }

  private final String header;
  private final int maxWidth;
  private final Function<Row, Object> value;

  UnusedPermissionColumn(String header, int maxWidth, Function<Row, Object> value) {
    this.header = header;
    this.maxWidth = maxWidth;
    this.value = value;
  }

  @Override
  public String header() {
    return header;
  }

  @Override
  public int maxWidth() {
    return maxWidth;
  }

  @Override
  public Object value(Row row) {
    return value.apply(row);
  }
}
