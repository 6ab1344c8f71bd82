package org.nhiaudit.risk;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.nhiaudit.inventory.CredentialRecord;
import org.nhiaudit.model.CredentialKind;

/**
 * Long-lived secrets past their rotation period (OWASP NHI7 Long-Lived Secrets). Applies to access
 * keys, tokens and certificates; roles, sessions and keyless service accounts hold no secret of
 * their own to rotate. Apps are left out because an inventory's creation date of an app is not the
 * age of its key, and root credentials are the root-credential factor's concern.
 *
 * <p>Without an expiry the age counts from the last rotation, or from creation when never rotated.
 * Points: half the weight just past {@code rotationDays}, rising in a straight line to the full
 * weight at twice {@code rotationDays}. With an expiry the same curve runs over the days the secret
 * will still work, so a secret close to its end scores nothing however old it is.
 */
public final class KeyAge implements RiskFactor {

  public static final String ID = "key-age";

  static final Set<CredentialKind> SECRETS =
      EnumSet.of(CredentialKind.ACCESS_KEY, CredentialKind.TOKEN, CredentialKind.CERTIFICATE);

  private static final String REMEDIATION =
      "Issue a new secret, move every user of the old one to it, then delete the old one. Prefer"
          + " short-lived credentials (an assumed role, workload identity federation) that leave"
          + " no secret to rotate.";

  /**
   * @param weight the most points
   * @param rotationDays the longest a secret may live between rotations
   */
  public record Settings(int weight, int rotationDays) {

    static Settings read(ConfigReader r) {
      return new Settings(r.points("weight"), r.days("rotationDays"));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Long-lived secret";
  }

  @Override
  public String owasp() {
    return "NHI7";
  }

  @Override
  public String remediation() {
    return REMEDIATION;
  }

  @Override
  public int weight(RiskConfig config) {
    return config.keyAge().weight();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    if (!SECRETS.contains(subject.kind())) {
      return Evaluation.clear();
    }
    CredentialRecord record = subject.credential();
    if (record == null) {
      return Evaluation.notEvaluated(
          subject.inventoryGiven() ? "credential not in the inventory" : "no inventory given");
    }
    int limit = config.keyAge().rotationDays();
    if (record.expires() != null) {
      return byLifeLeft(subject, record.expires(), asOf, limit, config);
    }
    Instant issued = record.lastRotated() != null ? record.lastRotated() : record.created();
    if (issued == null) {
      return Evaluation.notEvaluated("no creation or rotation date in the inventory");
    }
    long age = Facts.days(issued, asOf);
    if (age <= limit) {
      return Evaluation.clear();
    }
    String evidence =
        subject.describe()
            + " "
            + history(record, age, asOf)
            + ", never expires; policy allows "
            + limit
            + " days";
    return found(config, curve(age - limit, limit), evidence);
  }

  private Evaluation byLifeLeft(
      Subject subject, Instant expires, Instant asOf, int limit, RiskConfig config) {
    long left = Facts.days(asOf, expires);
    if (left <= limit) {
      return Evaluation.clear();
    }
    String evidence =
        subject.describe()
            + " still works for "
            + left
            + " days (expires "
            + Facts.date(expires)
            + "); policy allows "
            + limit
            + " days between rotations";
    return found(config, curve(left - limit, limit), evidence);
  }

  private static String history(CredentialRecord record, long age, Instant asOf) {
    boolean rotated =
        record.lastRotated() != null && !record.lastRotated().equals(record.created());
    if (!rotated) {
      return "created " + age + " days ago, never rotated";
    }
    String created =
        record.created() == null
            ? ""
            : " (created " + Facts.days(record.created(), asOf) + " days ago)";
    return "last rotated " + age + " days ago" + created;
  }

  /** Half the weight one day over the limit, the full weight at twice the limit. */
  static double curve(long daysOver, int limit) {
    return 0.5 + 0.5 * Math.min(1.0, (double) daysOver / limit);
  }
}
