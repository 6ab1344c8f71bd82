package org.nhiaudit.risk;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A token or app credential that carries broad scopes (OWASP NHI5 Overprivileged NHI): scopes an
 * inventory lists for the credential itself, such as a GitHub token's {@code admin:org}, an Okta
 * token's {@code okta.users.manage} or a Microsoft Graph {@code Directory.ReadWrite.All}. Roles and
 * keys get their permissions from policies and are judged by admin-grant and unused-permissions
 * instead. The full weight when any scope matches one of {@code patterns} ({@code *} matches any
 * run of characters, case is ignored).
 *
 * <p>Scopes come only from the inventory. A scope list that is out of date (a token re-scoped since
 * the export) is judged as exported.
 */
public final class BroadScope implements RiskFactor {

  public static final String ID = "broad-scope";

  private static final int SHOWN = 3;

  private static final String REMEDIATION =
      "Replace the credential with one scoped to what the integration calls (fine-grained token,"
          + " read-only scopes, a single organisation or repository), then revoke this one.";

  /**
   * @param weight the most points
   * @param patterns scopes that count as broad
   */
  public record Settings(int weight, List<String> patterns) {

    public Settings {
      patterns = List.copyOf(patterns);
    }

    static Settings read(ConfigReader r) {
      return new Settings(r.points("weight"), r.texts("patterns"));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Broad scopes";
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
    return config.broadScope().weight();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    if (!subject.inventoryGiven()) {
      return Evaluation.notEvaluated("no inventory given");
    }
    if (subject.credential() == null || subject.credential().scopes().isEmpty()) {
      return Evaluation.clear();
    }
    List<String> scopes = subject.credential().scopes();
    List<Pattern> broad = config.broadScope().patterns().stream().map(BroadScope::glob).toList();
    List<String> matching =
        scopes.stream().filter(s -> broad.stream().anyMatch(p -> p.matcher(s).matches())).toList();
    if (matching.isEmpty()) {
      return Evaluation.clear();
    }
    String shown = String.join(", ", matching.subList(0, Math.min(SHOWN, matching.size())));
    String more = matching.size() > SHOWN ? " and " + (matching.size() - SHOWN) + " more" : "";
    return found(
        config,
        1.0,
        subject.describe()
            + " holds broad scopes "
            + shown
            + more
            + " ("
            + matching.size()
            + " of its "
            + scopes.size()
            + " scopes)");
  }

  /** A case-insensitive pattern where {@code *} matches any run of characters. */
  static Pattern glob(String pattern) {
    String regex =
        Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*"));
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }
}
