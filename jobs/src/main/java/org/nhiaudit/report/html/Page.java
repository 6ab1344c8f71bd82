package org.nhiaudit.report.html;

/** The page templates, each with the model variables it declares in its header comment. */
public enum Page {
  /** Model: {@code report}. */
  SUMMARY("summary.ftlh"),
  /** Model: {@code report}. */
  PACKET("packet.ftlh"),
  /** Model: {@code report}, {@code packet}. */
  OWNER("owner.ftlh"),
  /** Model: {@code report}. */
  INDEX("index.ftlh");

  private final String template;

  Page(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
