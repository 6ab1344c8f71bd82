package org.nhiaudit.sample;

/**
 * The risks deliberately built into the sample company, each carried by one AWS actor or by one
 * credential of another platform ({@link PlatformCase}).
 */
public enum Planted {
  NONE("ordinary"),
  HEALTHY("healthy: rotated recently, used daily, least privilege, owned"),
  STALE_KEY("access key idle for about 150 days: no calls in the window"),
  OLD_ADMIN_KEY("administrator key created about three years ago, never rotated, still in use"),
  OVER_PRIVILEGED_ROLE("deploy role granted about 200 explicit actions that uses three"),
  NO_OWNER("access key that no inventory gives an owner or team"),
  BROWSER_USE("integration key also used by a person from a web browser"),
  NEVER_USED("access key never used since it was created months ago"),
  DENIED_BURSTS("bursts of AccessDenied calls from one key"),
  GCP_OLD_OWNER_KEY(
      "user-managed service-account key about two years old, never rotated, on an account with"
          + " roles/owner"),
  K8S_CLUSTER_ADMIN(
      "service account bound to cluster-admin, used with kubectl from outside the cluster"),
  GITHUB_ADMIN_PAT("classic personal access token with admin:org, about two years old, no expiry"),
  OKTA_UNOWNED_TOKEN("API token about fourteen months old that no inventory gives an owner"),
  ENTRA_EXPIRED_SECRET("app whose client secret expired and whose sign-ins keep failing"),
  GENERIC_BROWSER_TOKEN("vault token issued long ago and never renewed, also used from a browser");

  private final String summary;

  Planted(String summary) {
    this.summary = summary;
  }

  public String summary() {
    return summary;
  }
}
