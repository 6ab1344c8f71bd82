package org.nhiaudit.report.view;

import java.time.Instant;
import java.util.List;

/**
 * One credential as the packets show it. The credential id is already masked here; nothing
 * downstream sees the full value.
 *
 * @param ref a sequence number, unique within the report, used for page anchors
 * @param credential the masked credential id
 * @param identity the principal the credential belongs to
 * @param owner the owner's name, or null when nobody answers for it
 * @param ownerStem the file stem of the owner's packet
 * @param lastUsed the last use, or null when never seen
 * @param lastUsedText {@code lastUsed} as a date, or "never seen"
 * @param daysSinceUse whole days from the last use to the as-of date, or null when never seen
 * @param ageDays the credential's age in days where the run tells it, or null
 * @param oldCredential whether an age factor gave points
 * @param dormant whether unused for the dormancy threshold or never seen
 * @param mainReason the evidence of the factor that gave the most points
 * @param action what the reviewer is advised to do, for people
 * @param permissions granted against used, or null when no inventory was given
 * @param usage the usage evidence, or null when the logs never showed the credential
 */
public record CredentialView(
    int ref,
    String credential,
    String identity,
    String provider,
    String kind,
    String owner,
    String ownerStem,
    String team,
    String environment,
    Instant lastUsed,
    String lastUsedText,
    Long daysSinceUse,
    Long ageDays,
    boolean oldCredential,
    boolean dormant,
    int score,
    String severity,
    String mainReason,
    String action,
    List<FactorView> factors,
    PermissionView permissions,
    List<String> notEvaluated,
    UsageView usage,
    Sparkline activity) {

  public CredentialView {
    factors = List.copyOf(factors);
    notEvaluated = List.copyOf(notEvaluated);
  }

  /** The owner for people: the name, or "unowned". */
  public String ownerLabel() {
    return owner == null ? "unowned" : owner;
  }

  /** The CSS class of the severity, e.g. {@code sev-critical}. */
  public String severityClass() {
    return SeverityRow.cssClass(severity);
  }

  /** The page anchor of this credential in its owner's packet. */
  public String anchor() {
    return "c" + ref;
  }

  public boolean overPrivileged() {
    return permissions != null && permissions.overPrivileged();
  }
}
