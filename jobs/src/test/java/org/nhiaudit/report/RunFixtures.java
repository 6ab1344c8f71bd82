package org.nhiaudit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.inventory.PermissionUse;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.risk.FactorResult;
import org.nhiaudit.risk.RecommendedAction;
import org.nhiaudit.risk.Score;
import org.nhiaudit.risk.Severity;
import org.nhiaudit.run.RunOutputs;
import org.nhiaudit.run.RunSummary;
import org.nhiaudit.usage.CredentialUsage;

/**
 * Small run directories built in code, with values an attacker could have put in the logs: markup
 * in user agents and identities, formula-like text in resource names, path-like owner names.
 */
public final class RunFixtures {

  public static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
  public static final Instant PERIOD_START = Instant.parse("2025-04-01T00:00:00Z");

  public static final String SCRIPT_AGENT = "<script>alert(1)</script>";
  public static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
  public static final String AT_SUM = "@SUM(1)";
  public static final String TRAVERSAL_OWNER = "../../etc/passwd";
  public static final String MARKUP_OWNER = "<img src=x onerror=alert(3)>";
  public static final String SVG_IDENTITY = "</svg><script>alert(2)</script>";
  public static final String CMD_PERMISSION = "=cmd|' /C calc'!A0";

  public static final String KEY_ALICE = "AKIAALICEKEY0000WXYZ";
  public static final String KEY_HOSTILE = "AKIAHOSTILE00000ABCD";
  public static final String KEY_ORPHAN = "AKIAORPHANKEY000QRST";
  public static final String KEY_GONE = "AKIAGONEKEY00000GONE";

  private RunFixtures() {}

  /** A run of four credentials, three owners (one hostile, one path-like) and one unowned. */
  public static Path hostileRun(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Score> scores =
        List.of(
            score(KEY_HOSTILE, SVG_IDENTITY, MARKUP_OWNER, 91, Severity.CRITICAL, hostileFactors()),
            score(
                KEY_ORPHAN, "arn:aws:iam::1:user/orphan", null, 72, Severity.HIGH, ageFactor(800)),
            score(
                KEY_ALICE,
                "arn:aws:iam::1:user/ci",
                "alice@example.com",
                35,
                Severity.LOW,
                ageFactor(40)),
            score(
                "ghp_travellerToken0001",
                HYPERLINK,
                TRAVERSAL_OWNER,
                55,
                Severity.MEDIUM,
                List.of()));
    write(
        dir,
        summary(AS_OF, hostileConfig()),
        scores,
        List.of(
            usage(KEY_HOSTILE, List.of(SCRIPT_AGENT, HYPERLINK, AT_SUM)),
            usage(KEY_ALICE, List.of("-2+3", "\tTabbed", "\rReturn", "aws-cli/2.15"))));
    return dir;
  }

  /** An earlier run: one credential since gone, Alice's key riskier then, the hostile key lower. */
  public static Path previousRun(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Score> scores =
        List.of(
            score(KEY_GONE, "arn:aws:iam::1:user/old", "bob", 88, Severity.CRITICAL, List.of()),
            score(
                KEY_ALICE,
                "arn:aws:iam::1:user/ci",
                "alice@example.com",
                60,
                Severity.HIGH,
                List.of()),
            score(KEY_HOSTILE, SVG_IDENTITY, MARKUP_OWNER, 80, Severity.CRITICAL, List.of()));
    write(dir, summary(AS_OF.minusSeconds(90L * 86400), Map.of()), scores, List.of());
    return dir;
  }

  public static void write(
      Path dir, RunSummary summary, List<Score> scores, List<CredentialUsage> usage)
      throws IOException {
    RunOutputs.writeSummary(dir, summary);
    try (RunOutputs.LineWriter<Score> out =
        new RunOutputs.LineWriter<>(dir.resolve(RunOutputs.SCORES))) {
      scores.forEach(out::write);
    }
    try (RunOutputs.LineWriter<CredentialUsage> out =
        new RunOutputs.LineWriter<>(dir.resolve(RunOutputs.USAGE))) {
      usage.forEach(out::write);
    }
    Files.writeString(dir.resolve(RunOutputs.DEAD_LETTER), "");
  }

  public static RunSummary summary(Instant asOf, Map<String, Object> config) {
    FileSummary file =
        new FileSummary(
            "logs/cloudtrail-" + SCRIPT_AGENT + ".json.gz",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            2048,
            List.of("cloudtrail"),
            null,
            null,
            120,
            100,
            5,
            15,
            60,
            30,
            10);
    return new RunSummary(
        new RunSummary.Tool("nhi-audit", "0.1.0-test"),
        asOf,
        "option",
        asOf.minusSeconds(90L * 86400),
        asOf.minusSeconds(3600),
        RunSummary.Totals.of(List.of(file)),
        List.of(file),
        List.of(new RunSummary.InventoryFile("inventory/iam.json", "ab12", "iam-authorization", 7)),
        4,
        5,
        List.of("unused permissions: no inventory for gcp"),
        config);
  }

  private static Map<String, Object> hostileConfig() {
    return Map.of("risk", Map.of("dormantDays", 90, "label", HYPERLINK));
  }

  static Score score(
      String credential,
      String identity,
      String owner,
      int points,
      Severity severity,
      List<FactorResult> factors) {
    PermissionUse permissions =
        new PermissionUse(
            4,
            List.of("s3:GetObject"),
            List.of(CMD_PERMISSION, "iam:*"),
            List.of("sts:GetCallerIdentity"),
            List.of("iam:*"));
    return new Score(
        credential,
        identity,
        "aws",
        CredentialKind.ACCESS_KEY,
        owner,
        "team-" + AT_SUM,
        "prod",
        AS_OF.minusSeconds(200L * 86400),
        AS_OF.minusSeconds(500L * 86400),
        points,
        severity,
        RecommendedAction.ROTATE,
        factors,
        permissions,
        List.of());
  }

  private static List<FactorResult> hostileFactors() {
    return List.of(
        new FactorResult(
            "unused-permissions",
            "Unused permissions",
            30,
            "2 of 4 granted never used, e.g. " + CMD_PERMISSION,
            "NHI5"),
        new FactorResult(
            "key-age", "Key age", 40, "access key AKIA…ABCD created 412 days ago", "NHI7"),
        new FactorResult(
            "odd-agent", "Unusual user agent", 21, "seen with " + SCRIPT_AGENT, "NHI9"));
  }

  private static List<FactorResult> ageFactor(int days) {
    return List.of(
        new FactorResult(
            "key-age",
            "Key age",
            days > 365 ? 30 : 0,
            "access key created " + days + " days ago",
            "NHI7"));
  }

  static CredentialUsage usage(String credential, List<String> agents) {
    SortedMap<LocalDate, Long> perDay = new TreeMap<>();
    LocalDate start = LocalDate.ofInstant(PERIOD_START, ZoneOffset.UTC);
    for (int d = 0; d < 90; d += 3) {
      perDay.put(start.plusDays(d), (long) (d % 7 + 1));
    }
    SortedMap<String, Long> actions = new TreeMap<>(Map.of("s3:GetObject", 40L, AT_SUM, 2L));
    return new CredentialUsage(
        credential,
        "aws",
        credential,
        CredentialKind.ACCESS_KEY,
        "arn:aws:iam::1:user/x",
        "IAMUser",
        PERIOD_START,
        AS_OF.minusSeconds(86400),
        42,
        1,
        0,
        actions,
        List.of("203.0.113.7", HYPERLINK),
        2,
        agents,
        List.of("eu-west-1"),
        List.of("111122223333"),
        perDay);
  }
}
