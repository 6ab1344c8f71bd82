package org.nhiaudit.risk;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.usage.CredentialUsage;

/**
 * The account's root or owner credential in the hands of software (OWASP NHI5 Overprivileged NHI):
 * it can do anything and cannot be limited by policy. A credential is root when its kind says so,
 * its identity is an AWS root ARN ({@code …:root}) or its identity type is {@code Root}. It fires
 * on calls from any user agent that is not a browser (calls with no agent logged count as
 * programmatic), or on an active root access key in the inventory even when unused. Sign-ins from a
 * browser alone are a person's business and are not scored here. The full weight.
 */
public final class RootCredential implements RiskFactor {

  public static final String ID = "root-credential";

  private static final int AGENT_CHARS = 40;

  private static final String REMEDIATION =
      "Delete the root access keys; give the workload its own role or identity with only the"
          + " permissions it needs, and keep root for the few tasks that require it, with MFA.";

  /**
   * @param weight the most points
   */
  public record Settings(int weight) {

    static Settings read(ConfigReader r) {
      return new Settings(r.points("weight"));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Root credential";
  }

  @Override
  public String owasp() {
    return "NHI5";
  }

  @Override
  public String remediation() {
    return REMEDIATION;
  }

  @Override
  public int weight(RiskConfig config) {
    return config.rootCredential().weight();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    if (!isRoot(subject)) {
      return Evaluation.clear();
    }
    CredentialUsage usage = subject.usage();
    if (usage != null && usage.events() > 0) {
      List<String> programs =
          usage.userAgents().stream().filter(a -> !config.browserAgents().isBrowser(a)).toList();
      if (programs.isEmpty() && usage.userAgents().isEmpty()) {
        return found(config, 1.0, calls(subject, usage) + ", none with a user agent logged");
      }
      if (!programs.isEmpty()) {
        String agent = Facts.quoted(programs.get(0), AGENT_CHARS);
        return found(config, 1.0, calls(subject, usage) + ", among them from " + agent);
      }
    }
    if (subject.credential() != null
        && subject.credential().kind() == CredentialKind.ACCESS_KEY
        && subject.credential().active()) {
      return found(
          config,
          1.0,
          subject.describe() + " is an active access key of the root " + owner(subject));
    }
    return Evaluation.clear();
  }

  static boolean isRoot(Subject subject) {
    String identity = subject.identity() == null ? "" : subject.identity();
    return subject.kind() == CredentialKind.ROOT
        || identity.endsWith(":root")
        || "root".equals(lower(subject.identityType()));
  }

  private static String calls(Subject subject, CredentialUsage usage) {
    return subject.describe()
        + " of the root "
        + owner(subject)
        + " made "
        + usage.events()
        + " calls";
  }

  private static String owner(Subject subject) {
    return subject.identity() == null ? "user" : subject.identity();
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
