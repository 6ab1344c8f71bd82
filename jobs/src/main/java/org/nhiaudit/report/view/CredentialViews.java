package org.nhiaudit.report.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.nhiaudit.inventory.PermissionUse;
import org.nhiaudit.model.Mask;
import org.nhiaudit.report.OwnerFileNames;
import org.nhiaudit.risk.FactorResult;
import org.nhiaudit.risk.Score;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Turns the run's scores and usage into view records. This is the one place credential ids are
 * masked for the packets; pages and sheets only ever see the masked value.
 */
public final class CredentialViews {

  /** Days without use after which a credential counts as dormant, when the run does not say. */
  public static final int DORMANT_DAYS = 90;

  /** The run configuration key that holds the dormancy threshold the scores were made with. */
  public static final String DORMANT_DAYS_KEY = "risk.factors.dormant.dormantDays";

  /** The most entries a packet shows of a credential's addresses, user agents and actions. */
  public static final int LIST_CAP = 10;

  private final Instant asOf;
  private final ActivityPeriod period;
  private final long dormantDays;

  public CredentialViews(Instant asOf, ActivityPeriod period) {
    this(asOf, period, DORMANT_DAYS);
  }

  /** Views that count a credential dormant after {@code dormantDays} without use. */
  public CredentialViews(Instant asOf, ActivityPeriod period, long dormantDays) {
    this.asOf = asOf;
    this.period = period;
    this.dormantDays = dormantDays;
  }

  /** The dormancy threshold of a run's configuration, or the default when it has none. */
  public static long dormantDays(Map<String, Object> config) {
    Object value = config == null ? null : config.get(DORMANT_DAYS_KEY);
    return value instanceof Number n ? n.longValue() : DORMANT_DAYS;
  }

  public ActivityPeriod period() {
    return period;
  }

  /** The view of one credential; {@code usage} may be null when the logs never showed it. */
  public CredentialView of(int ref, Score score, UsageEntry usage) {
    Long sinceUse = score.lastUsed() == null ? null : daysBetween(score.lastUsed(), asOf);
    return new CredentialView(
        ref,
        Mask.credential(score.credential()),
        score.identity(),
        score.provider(),
        Texts.enumName(score.kind()),
        score.owner(),
        OwnerFileNames.stem(score.owner()),
        score.team(),
        score.environment(),
        score.lastUsed(),
        Texts.date(score.lastUsed(), "never seen"),
        sinceUse,
        CredentialAge.days(score.created(), asOf),
        CredentialAge.old(score.factors()),
        sinceUse == null || sinceUse >= dormantDays,
        score.score(),
        score.severity().name(),
        mainReason(score.factors()),
        Texts.enumName(score.action()),
        factors(score.factors()),
        permissions(score.permissions()),
        score.notEvaluated(),
        usage == null ? null : usage.usage(),
        usage == null ? period.sparkline(Collections.emptySortedMap()) : usage.activity());
  }

  /** The usage evidence of one credential, lists capped at {@link #LIST_CAP}. */
  public UsageEntry usage(CredentialUsage u) {
    UsageView view =
        new UsageView(
            u.firstSeen(),
            u.lastSeen(),
            Texts.dateTime(u.firstSeen(), ""),
            Texts.dateTime(u.lastSeen(), ""),
            u.events(),
            u.denied(),
            u.errors(),
            topActions(u.actions()),
            u.actions().size(),
            cap(u.sourceAddresses()),
            u.distinctSourceAddresses(),
            cap(u.userAgents()),
            cap(u.regions()),
            cap(u.accounts()));
    return new UsageEntry(view, period.sparkline(u.activityPerDay()));
  }

  private static long daysBetween(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toDays());
  }

  private static String mainReason(List<FactorResult> factors) {
    return factors.stream()
        .max(Comparator.comparingInt(FactorResult::points))
        .map(f -> f.evidence() == null || f.evidence().isBlank() ? f.title() : f.evidence())
        .orElse("no risk factor gave points");
  }

  private static List<FactorView> factors(List<FactorResult> factors) {
    return factors.stream()
        .sorted(Comparator.comparingInt(FactorResult::points).reversed())
        .map(f -> new FactorView(f.id(), f.title(), f.points(), f.evidence(), f.owasp()))
        .toList();
  }

  private static PermissionView permissions(PermissionUse p) {
    if (p == null) {
      return null;
    }
    return new PermissionView(p.granted(), p.used(), p.unused(), p.administrative(), p.ungranted());
  }

  private static List<String> topActions(Map<String, Long> actions) {
    List<String> out = new ArrayList<>();
    actions.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(LIST_CAP)
        .forEach(e -> out.add(e.getKey() + " (" + e.getValue() + ")"));
    return out;
  }

  private static List<String> cap(List<String> values) {
    return values.size() <= LIST_CAP ? values : values.subList(0, LIST_CAP);
  }
}
