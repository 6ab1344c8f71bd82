package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.model.Mask;
import org.nhiaudit.report.ReportGenerator;
import org.nhiaudit.report.ReportRequest;
import org.nhiaudit.report.excel.SheetName;
import org.nhiaudit.risk.Score;
import org.nhiaudit.run.BatchRun;
import org.nhiaudit.run.BatchSettings;
import org.nhiaudit.run.DeadLetter;
import org.nhiaudit.run.RunOutputs;
import org.nhiaudit.run.RunSummary;
import org.nhiaudit.sample.Actor;
import org.nhiaudit.sample.Planted;
import org.nhiaudit.sample.PlatformLog;
import org.nhiaudit.sample.SampleCompany;
import org.nhiaudit.sample.SampleOptions;
import org.nhiaudit.sample.SampleSummary;

/**
 * The README's first command, end to end on the mini cluster: the bundled sample logs of every
 * platform and the inventories in, a ranked and accounted run directory out. Which credentials were
 * planted as risky is learnt by regenerating the sample company with the bundled samples' options.
 */
class SampleRunTest {

  private static final Pattern FULL_KEY = Pattern.compile("AKIA[A-Z2-7]{16}");

  private static final Set<Planted> CLEAR_CASES =
      EnumSet.of(
          Planted.STALE_KEY,
          Planted.OLD_ADMIN_KEY,
          Planted.OVER_PRIVILEGED_ROLE,
          Planted.NO_OWNER,
          Planted.BROWSER_USE,
          Planted.NEVER_USED);

  @TempDir static Path temp;

  static Path run;
  static String console;
  static SampleSummary company;

  @BeforeAll
  static void runOnSamples() throws Exception {
    Path samples = Path.of(System.getProperty("nhiaudit.root", ".")).resolve("sample-logs");
    company = SampleCompany.generate(SampleOptions.defaults(temp.resolve("regenerated")));
    // Kept under target/ so scripts/browser-check can open the packets after the suite.
    run = Path.of("target", "sample-run").toAbsolutePath();
    deleteRecursively(run);
    BatchSettings settings =
        new BatchSettings(
            logRoots(samples),
            List.of(samples.resolve("inventory")),
            run,
            null,
            null,
            null,
            2,
            10,
            true,
            null,
            null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        new BatchRun(
                settings, new PrintStream(out, true, StandardCharsets.UTF_8), SampleRunTest::render)
            .execute();
    console = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(console).isZero();
  }

  @Test
  void plantedRiskyCredentialsRankAboveEveryHealthyOne() throws Exception {
    List<Score> scores = RunOutputs.readScores(run);
    List<String> ranked = scores.stream().map(Score::credential).toList();
    Set<String> planted = risky();
    Set<String> healthy = healthy();

    assertThat(ranked.subList(0, planted.size())).containsExactlyInAnyOrderElementsOf(planted);
    for (String risky : planted) {
      Score score = scores.get(ranked.indexOf(risky));
      for (String fine : healthy) {
        int rank = ranked.indexOf(fine);
        assertThat(rank).as("healthy %s is scored", fine).isNotNegative();
        assertThat(score.score())
            .as("%s over %s", risky, fine)
            .isGreaterThan(scores.get(rank).score());
      }
    }
    assertThat(scores.get(0).factors()).allSatisfy(f -> assertThat(f.evidence()).isNotBlank());
  }

  @Test
  void everyPlatformsProviderIsScored() throws Exception {
    Set<String> providers =
        RunOutputs.readScores(run).stream().map(Score::provider).collect(Collectors.toSet());

    assertThat(providers).contains("aws");
    for (PlatformLog log : company.platforms()) {
      assertThat(providers).as(log.folder()).contains(log.provider());
    }
  }

  @Test
  void everyRecordReadIsAccountedForOnce() throws Exception {
    RunSummary summary = RunOutputs.readSummary(run);
    RunSummary.Totals totals = summary.totals();

    assertThat(totals.read()).isEqualTo(company.allRecords());
    assertThat(totals.filtered()).isEqualTo(company.filteredRecords()).isPositive();
    assertThat(totals.rejected()).isEqualTo(1);
    assertThat(totals.parsed()).isEqualTo(totals.read() - totals.filtered() - 1);
    assertThat(totals.balanced()).isTrue();
    assertThat(summary.inputs()).hasSize((int) (company.objects() + platformFiles()));
    assertThat(summary.inputs().stream().mapToLong(FileSummary::read).sum())
        .isEqualTo(totals.read());
    assertThat(summary.inputs()).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
    assertThat(summary.inventory()).hasSize(company.inventoryFiles().size());
    assertThat(summary.asOf()).isEqualTo(summary.periodEnd());
  }

  @Test
  void theDamagedObjectBecomesOneDeadLetterWithItsLocation() throws Exception {
    List<DeadLetter> dead = RunOutputs.readDeadLetters(run);

    assertThat(dead)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).endsWith(company.damagedObject().getFileName().toString());
              assertThat(d.reason()).contains("malformed JSON");
            });
    assertThat(RunOutputs.readSummary(run).deadLetters()).isEqualTo(1);
  }

  @Test
  void theConsoleShowsStagesAndTheRanking() {
    assertThat(console)
        .contains(
            "[1/4] loading inventory",
            "[2/4] reading audit logs",
            "[3/4] scoring",
            "main reason",
            "[4/4] rendering");
    assertThat(Files.exists(run.resolve(RunOutputs.USAGE))).isTrue();
  }

  @Test
  void thePacketsShowTheRankingWithMaskedIdsAndNoExternalReferences() throws Exception {
    List<Score> scores = RunOutputs.readScores(run);
    Path report = run.resolve("report");
    Document summary = Jsoup.parse(report.resolve("summary.html").toFile());

    String firstShown = summary.select("table").text();
    assertThat(firstShown).contains(Mask.credential(scores.get(0).credential()));
    List<Path> pages;
    try (Stream<Path> files = Files.walk(report)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).toList();
    }
    assertThat(pages).hasSizeGreaterThan(3);
    for (Path page : pages) {
      String html = Files.readString(page);
      assertThat(FULL_KEY.matcher(html).find()).as("full key id in %s", page).isFalse();
      Document doc = Jsoup.parse(html);
      assertThat(doc.select("[src], link[href], script[src]")).as("%s", page).isEmpty();
      assertThat(doc.select("a[href^=http], a[href^=//]")).as("%s", page).isEmpty();
    }
  }

  @Test
  void theWorkbookHasOneReviewRowPerCredentialAndOnlyReviewerCellsOpen() throws Exception {
    List<Score> scores = RunOutputs.readScores(run);
    try (Workbook book = WorkbookFactory.create(run.resolve("report/review.xlsx").toFile())) {
      Sheet review = book.getSheet(SheetName.REVIEW.title());

      assertThat(review.getLastRowNum()).isEqualTo(scores.size());
      assertThat(review.getProtect()).isTrue();
      assertThat(review.getDataValidations())
          .anySatisfy(
              v ->
                  assertThat(v.getValidationConstraint().getExplicitListValues())
                      .contains("keep", "rotate", "reduce", "revoke", "defer"));
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
          }
        }
      }
    }
  }

  private static String render(BatchSettings settings) {
    return new ReportGenerator()
        .generate(ReportRequest.of(settings.out(), settings.out().resolve("report")))
        .index()
        .toString();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Set<String> risky() {
    Set<String> risky = new HashSet<>();
    CLEAR_CASES.forEach(p -> risky.add(credentialOf(company.planted(p))));
    company.platformCases().stream()
        .filter(c -> c.planted() != Planted.HEALTHY)
        .forEach(c -> risky.add(c.credential()));
    return risky;
  }

  private static Set<String> healthy() {
    Set<String> healthy = new HashSet<>();
    company.actors().stream()
        .filter(a -> a.planted() == Planted.HEALTHY)
        .forEach(a -> healthy.add(credentialOf(a)));
    company.platformCases().stream()
        .filter(c -> c.planted() == Planted.HEALTHY)
        .forEach(c -> healthy.add(c.credential()));
    return healthy;
  }

  /** Every folder but the inventory holds logs, as the command line's default run takes them. */
  private static List<String> logRoots(Path samples) throws IOException {
    try (Stream<Path> children = Files.list(samples)) {
      return children
          .filter(Files::isDirectory)
          .filter(dir -> !dir.getFileName().toString().equals("inventory"))
          .map(Path::toString)
          .sorted()
          .toList();
    }
  }

  private static long platformFiles() throws IOException {
    Path samples = Path.of(System.getProperty("nhiaudit.root", ".")).resolve("sample-logs");
    long files = 0;
    for (PlatformLog log : company.platforms()) {
      try (Stream<Path> walk = Files.list(samples.resolve(log.folder()))) {
        files += walk.filter(Files::isRegularFile).count();
      }
    }
    return files;
  }

  private static String credentialOf(Actor actor) {
    return actor.accessKeyId() != null ? actor.accessKeyId() : actor.arn();
  }
}
