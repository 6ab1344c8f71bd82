package org.nhiaudit.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.nhiaudit.inventory.Grant;
import org.nhiaudit.inventory.PermissionUse;

/**
 * Grants of administrative or wildcard control (OWASP NHI5 Overprivileged NHI). Which patterns
 * count as administrative is decided upstream ({@link PermissionUse#administrative()}); this factor
 * only weighs them: a pattern listed in {@code fullControl} gives the full weight, service-wide
 * patterns alone give {@code serviceWideShare} of it.
 */
public final class AdminGrant implements RiskFactor {

  public static final String ID = "admin-grant";

  private static final int NAMED = 5;

  private static final String REMEDIATION =
      "Take away the administrative grants; give the workload a policy scoped to the services and"
          + " resources it works on, and keep administration with people behind approval.";

  /**
   * @param weight the most points
   * @param serviceWideShare share of the weight when no pattern grants full control
   * @param fullControl patterns that grant everything, e.g. {@code *}
   */
  public record Settings(int weight, double serviceWideShare, List<String> fullControl) {

    public Settings {
      fullControl = List.copyOf(fullControl);
    }

    static Settings read(ConfigReader r) {
      return new Settings(r.points("weight"), r.share("serviceWideShare"), r.texts("fullControl"));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Administrative grant";
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
    return config.adminGrant().weight();
  }

  @Override
  public Evaluation evaluate(Subject subject, Instant asOf, RiskConfig config) {
    if (!subject.inventoryGiven()) {
      return Evaluation.notEvaluated("no inventory given");
    }
    PermissionUse p = subject.permissions();
    if (p == null) {
      return Evaluation.notEvaluated("no grants known for this identity");
    }
    List<String> admin = p.administrative().stream().sorted().toList();
    if (admin.isEmpty()) {
      return Evaluation.clear();
    }
    Settings s = config.adminGrant();
    boolean full = admin.stream().anyMatch(s.fullControl()::contains);
    String evidence =
        subject.describe()
            + " may use "
            + Facts.list(admin, NAMED)
            + sources(subject, admin)
            + "; "
            + used(subject, p, admin);
    return found(config, full ? 1.0 : s.serviceWideShare(), evidence);
  }

  private static String sources(Subject subject, List<String> admin) {
    if (subject.principal() == null) {
      return "";
    }
    List<String> names =
        subject.principal().grants().stream()
            .filter(g -> g.effect() == Grant.Effect.ALLOW && admin.contains(g.action()))
            .map(Grant::source)
            .filter(Objects::nonNull)
            .distinct()
            .sorted()
            .toList();
    return names.isEmpty() ? "" : " (from " + Facts.list(names, NAMED) + ")";
  }

  private static String used(Subject subject, PermissionUse p, List<String> admin) {
    if (subject.usage() == null) {
      return "not seen in the logs";
    }
    long used = admin.stream().filter(p.used()::contains).count();
    return used + " of them used in the logs";
  }
}
