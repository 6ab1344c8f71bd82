package org.nhiaudit.report.excel;

import java.util.List;
import java.util.function.Function;
import org.nhiaudit.report.view.CredentialView;
import org.nhiaudit.report.view.UsageView;

/** The columns of the usage-evidence sheet: what each credential was seen doing. */
enum UsageColumn implements Column<CredentialView> {
  CREDENTIAL("Credential (masked)", 24, CredentialView::credential),
  IDENTITY("Identity", 48, CredentialView::identity),
  OWNER("Owner", 30, CredentialView::ownerLabel),
  EVENTS("Events", 9, usage(UsageView::events)),
  DENIED("Denied", 8, usage(UsageView::denied)),
  ERRORS("Errors", 8, usage(UsageView::errors)),
  FIRST_SEEN("First seen", 17, usage(UsageView::firstSeen)),
  LAST_SEEN("Last seen", 17, usage(UsageView::lastSeen)),
  DISTINCT_ACTIONS("Distinct actions", 9, usage(UsageView::distinctActions)),
  TOP_ACTIONS("Top actions", 60, usage(u -> join(u.topActions()))),
  DISTINCT_ADDRESSES("Distinct addresses", 10, usage(UsageView::distinctSourceAddresses)),
  SOURCE_ADDRESSES("Source addresses", 40, usage(u -> join(u.sourceAddresses()))),
  USER_AGENTS("User agents", 60, usage(u -> join(u.userAgents()))),
  REGIONS("Regions", 24, usage(u -> join(u.regions()))),
  ACCOUNTS("Accounts", 24, usage(u -> join(u.accounts())));

  private final String header;
  private final int maxWidth;
  private final Function<CredentialView, Object> value;

  UsageColumn(String header, int maxWidth, Function<CredentialView, Object> value) {
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
  public Object value(CredentialView row) {
    return value.apply(row);
  }

  private static Function<CredentialView, Object> usage(Function<UsageView, Object> f) {
    return c -> c.usage() == null ? null : f.apply(c.usage());
  }

  /** Values one per line, so a cell lists them the way a packet does. */
  private static String join(List<String> values) {
    return String.join("\n", values);
  }
}
