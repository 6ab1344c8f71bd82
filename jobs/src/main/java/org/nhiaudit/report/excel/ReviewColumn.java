package org.nhiaudit.report.excel;

import java.util.function.Function;
import java.util.stream.Collectors;
import org.nhiaudit.report.view.CredentialView;
import org.nhiaudit.report.view.FactorView;

/** The columns of the review sheet: the run's facts, then the reviewer's columns. */
enum ReviewColumn implements Column<CredentialView> {
  IDENTITY("Identity", 48, CredentialView::identity),
  CREDENTIAL("Credential (masked)", 24, CredentialView::credential),
  PROVIDER("Provider", 12, CredentialView::provider),
  KIND("Kind", 16, CredentialView::kind),
  OWNER("Owner", 30, CredentialView::ownerLabel),
  SCORE("Score", 8, CredentialView::score),
  SEVERITY("Severity", 11, CredentialView::severity),
  MAIN_FACTORS("Main factors", 60, ReviewColumn::mainFactors),
  LAST_USED("Last used", 17, CredentialView::lastUsed),
  RECOMMENDED_ACTION("Recommended action", 14, CredentialView::action),
  DECISION("Decision", 10, Style.EDITABLE_TEXT),
  JUSTIFICATION("Justification", 40, Style.EDITABLE_TEXT),
  REVIEWER("Reviewer", 20, Style.EDITABLE_TEXT),
  DECISION_DATE("Decision date", 13, Style.EDITABLE_DATE),
  TICKET("Ticket", 14, Style.EDITABLE_TEXT);

  /** How many factors the main-factors cell names. */
  static final int MAIN_FACTOR_COUNT = 3;

  private final String header;
  private final int maxWidth;
  private final Function<CredentialView, Object> value;
  private final Style editable;

  ReviewColumn(String header, int maxWidth, Function<CredentialView, Object> value) {
    this.header = header;
    this.maxWidth = maxWidth;
    this.value = value;
    this.editable = null;
  }

  ReviewColumn(String header, int maxWidth, Style editable) {
    this.header = header;
    this.maxWidth = maxWidth;
    this.value = c -> null;
    this.editable = editable;
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

  @Override
  public Style editable() {
    return editable;
  }

  private static String mainFactors(CredentialView c) {
    return c.factors().stream()
        .limit(MAIN_FACTOR_COUNT)
        .map(ReviewColumn::factor)
        .collect(Collectors.joining("; "));
  }

  private static String factor(FactorView f) {
    return (f.title() == null ? f.id() : f.title()) + " (" + f.points() + ")";
  }
}
