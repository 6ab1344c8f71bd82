package org.nhiaudit.report.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Writes a run directory of N made-up credentials, streamed so N can be large: a 90-day period, a
 * few hundred owners plus unowned credentials, several factors, permissions and daily activity
 * each. The same seed gives the same run.
 */
public final class SyntheticRun {

  static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
  static final int DAYS = 90;
  private static final String[] PROVIDERS = {"aws", "gcp", "kubernetes", "github", "okta"};
  private static final CredentialKind[] KINDS = {
    CredentialKind.ACCESS_KEY,
    CredentialKind.ROLE,
    CredentialKind.SERVICE_ACCOUNT,
    CredentialKind.TOKEN,
    CredentialKind.APP
  };
  private static final String[] ACTIONS = {
    "s3:GetObject",
    "s3:PutObject",
    "sts:AssumeRole",
    "ec2:DescribeInstances",
    "iam:ListRoles",
    "kms:Decrypt",
    "logs:PutLogEvents",
    "secretsmanager:GetSecretValue",
    "dynamodb:Query",
    "lambda:InvokeFunction",
    "repo.clone",
    "pods.get"
  };

  private final Random random;
  private final int owners;

  private SyntheticRun(long seed, int owners) {
    this.random = new Random(seed);
    this.owners = owners;
  }

  /** Writes {@code n} credentials to {@code dir}, about one owner per 250 credentials. */
  public static Path write(Path dir, int n, long seed) throws IOException {
    Files.createDirectories(dir);
    new SyntheticRun(seed, Math.max(3, n / 250)).writeAll(dir, n);
    return dir;
  }

  private void writeAll(Path dir, int n) throws IOException {
    List<Score> scores = new ArrayList<>(n);
    try (RunOutputs.LineWriter<CredentialUsage> usage =
        new RunOutputs.LineWriter<>(dir.resolve(RunOutputs.USAGE))) {
      for (int i = 0; i < n; i++) {
        String id = credentialId(i);
        if (random.nextInt(10) < 8) {
          usage.write(usage(id));
        }
        scores.add(score(i, id));
      }
    }
    scores.sort((a, b) -> Integer.compare(b.score(), a.score()));
    try (RunOutputs.LineWriter<Score> out =
        new RunOutputs.LineWriter<>(dir.resolve(RunOutputs.SCORES))) {
      scores.forEach(out::write);
    }
    Files.writeString(dir.resolve(RunOutputs.DEAD_LETTER), "");
    RunOutputs.writeSummary(dir, summary(n));
  }

  private static String credentialId(int i) {
    return String.format("AKIA%016d", i);
  }

  private Score score(int i, String id) {
    List<FactorResult> factors = factors(id);
    int points = Math.min(100, factors.stream().mapToInt(FactorResult::points).sum());
    String owner = random.nextInt(10) == 0 ? null : "owner-" + random.nextInt(owners) + "@corp";
    return new Score(
        id,
        "arn:aws:iam::123456789012:user/svc-" + i,
        PROVIDERS[i % PROVIDERS.length],
        KINDS[random.nextInt(KINDS.length)],
        owner,
        "team-" + (i % 40),
        i % 3 == 0 ? "prod" : "dev",
        random.nextInt(8) == 0 ? null : AS_OF.minusSeconds(86400L * random.nextInt(400)),
        AS_OF.minusSeconds(86400L * (30 + random.nextInt(1500))),
        points,
        severity(points),
        RecommendedAction.values()[random.nextInt(5)],
        factors,
        permissions(),
        List.of());
  }

  private List<FactorResult> factors(String id) {
    List<FactorResult> out = new ArrayList<>();
    int age = random.nextInt(1200);
    out.add(
        new FactorResult(
            "key-age",
            "Key age",
            age > 365 ? 25 : 0,
            "access key "
                + id.substring(0, 4)
                + "…"
                + id.substring(id.length() - 4)
                + " created "
                + age
                + " days ago",
            "NHI7"));
    if (random.nextBoolean()) {
      out.add(
          new FactorResult(
              "unused-permissions",
              "Unused permissions",
              5 + random.nextInt(20),
              "most granted permissions were never used in the period",
              "NHI5"));
    }
    if (random.nextInt(4) == 0) {
      out.add(new FactorResult("admin", "Administrative access", 30, "holds iam:* on *", "NHI5"));
    }
    if (random.nextInt(3) == 0) {
      out.add(new FactorResult("dormant", "Dormant", 15, "not used for 120 days", "NHI1"));
    }
    return out;
  }

  private static Severity severity(int points) {
    if (points >= 80) {
      return Severity.CRITICAL;
    }
    if (points >= 60) {
      return Severity.HIGH;
    }
    return points >= 40 ? Severity.MEDIUM : points >= 20 ? Severity.LOW : Severity.INFO;
  }

  private PermissionUse permissions() {
    List<String> used = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    int granted = 3 + random.nextInt(12);
    for (int p = 0; p < granted; p++) {
      (random.nextInt(3) == 0 ? used : unused).add(ACTIONS[p % ACTIONS.length] + "#" + p);
    }
    List<String> admin = random.nextInt(4) == 0 ? List.of("iam:*") : List.of();
    return new PermissionUse(granted, used, unused, List.of(), admin);
  }

  private CredentialUsage usage(String id) {
    SortedMap<LocalDate, Long> perDay = new TreeMap<>();
    LocalDate first = LocalDate.ofInstant(AS_OF, ZoneOffset.UTC).minusDays(DAYS);
    int activeDays = random.nextInt(DAYS);
    for (int d = 0; d < activeDays; d++) {
      perDay.put(first.plusDays(random.nextInt(DAYS)), 1L + random.nextInt(200));
    }
    SortedMap<String, Long> actions = new TreeMap<>();
    for (int a = 0; a < 1 + random.nextInt(8); a++) {
      actions.put(ACTIONS[random.nextInt(ACTIONS.length)], 1L + random.nextInt(500));
    }
    long events = perDay.values().stream().mapToLong(Long::longValue).sum();
    return new CredentialUsage(
        id,
        "aws",
        id,
        CredentialKind.ACCESS_KEY,
        "svc",
        "IAMUser",
        first.atStartOfDay().toInstant(ZoneOffset.UTC),
        AS_OF.minusSeconds(3600),
        events,
        random.nextInt(5),
        0,
        actions,
        List.of("10.0.0." + random.nextInt(255), "203.0.113.9"),
        2,
        List.of("aws-sdk-java/2.25", "Boto3/1.34"),
        List.of("eu-west-1"),
        List.of("123456789012"),
        perDay);
  }

  private static RunSummary summary(long n) {
    FileSummary file =
        new FileSummary(
            "logs/synthetic.json.gz",
            "0000000000000000000000000000000000000000000000000000000000000000",
            n * 400,
            List.of("cloudtrail"),
            null,
            null,
            n * 20,
            n * 18,
            n,
            n,
            n * 12,
            n * 4,
            n * 2);
    return new RunSummary(
        new RunSummary.Tool("nhi-audit", "bench"),
        AS_OF,
        "option",
        AS_OF.minusSeconds(DAYS * 86400L),
        AS_OF.minusSeconds(3600),
        RunSummary.Totals.of(List.of(file)),
        List.of(file),
        List.of(),
        n,
        n,
        List.of(),
        Map.of("risk", Map.of("dormantDays", 90)));
  }
}
