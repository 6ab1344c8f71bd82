package org.nhiaudit.sample;

/** The risks deliberately built into the sample company, each carried by one actor. */
public enum Planted {
  NONE("ordinary"),
  HEALTHY("healthy: rotated recently, used daily, least privilege, owned"),
  STALE_KEY("access key idle for about 150 days: no calls in the window"),
  OLD_ADMIN_KEY("administrator key created about three years ago, never rotated, still in use"),
  OVER_PRIVILEGED_ROLE("deploy role granted about 200 explicit actions that uses three"),
  NO_OWNER("access key that no inventory gives an owner or team"),
  BROWSER_USE("integration key also used by a person from a web browser"),
  NEVER_USED("access key never used since it was created months ago"),
  DENIED_BURSTS("bursts of AccessDenied calls from one key");

  private final String summary;

  Planted(String summary) {
    this.summary = summary;
  }

  public String summary() {
    return summary;
  }
}
