package org.nhiaudit.risk;

import java.time.Instant;
import java.util.List;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.usage.CredentialUsage;

/**
 * A machine credential used from a browser or a web console (OWASP NHI10 Human Use of NHI): a
 * person holds the secret, and their actions pass as the workload's. Credentials the inventory
 * marks as human or as the provider's own are not judged. The full weight.
 *
 * <p>Only the distinct user agents kept in {@link CredentialUsage#userAgents()} are looked at; a
 * browser agent beyond that list's cap goes unnoticed.
 */
public final class HumanUse implements RiskFactor {

  public static final String ID = "human-use";

  private static final String REMEDIATION =
      "Find who signed in with it and give them their own identity; then rotate the secret, since"
          + " a person has held it outside the workload.";

  /**
   * @param weight the most points
   * @param agentChars how much of the user agent the evidence quotes
   */
  public record Settings(int weight, int agentChars) {

    static Settings read(ConfigReader r) {
      return new Settings(r.points("weight"), r.count("agentChars"));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Human use";
  }

  @Override
  public String owasp() {
    return "NHI10";
  }

  @Override
  public String remediation() {
    return REMEDIATION;
  }

  @Override
  public int weight(RiskConfig config) {
    return config.humanUse().weight();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    ActorClass actor = subject.actorClass();
    if (subject.usage() == null || actor == ActorClass.HUMAN || actor == ActorClass.SERVICE) {
      return Evaluation.clear();
    }
    List<String> agents = subject.usage().userAgents();
    List<String> browsers = agents.stream().filter(config.browserAgents()::isBrowser).toList();
    if (browsers.isEmpty()) {
      return Evaluation.clear();
    }
    String evidence =
        subject.describe()
            + " was used from a browser or web console: user agent "
            + Facts.quoted(browsers.get(0), config.humanUse().agentChars())
            + " ("
            + browsers.size()
            + " of "
            + agents.size()
            + " agents seen look like a browser)";
    return found(config, 1.0, evidence);
  }
}
