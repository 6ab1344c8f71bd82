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
import org.nhiaudit.sample.SampleCompany;
import org.nhiaudit.sample.SampleOptions;
import org.nhiaudit.sample.SampleSummary;

/**
 * The README's first command, end to end on the mini cluster: the bundled sample logs and
 * inventories in, a ranked and accounted run directory out. Which credentials were planted as risky
 * is learnt by regenerating the sample company with the bundled samples' options.
 */
class SampleRunTest {

  private static final Set<Planted> CLEAR_CASES =
      EnumSet.of(
          Planted.STALE_KEY,
          Planted.OLD_ADMIN_KEY,
          Planted.OVER_PRIVILEGED_ROLE,
          Planted.NO_OWNER,
          Planted.BROWSER_USE,
          Planted.NEVER_USED);

  private static final Pattern FULL_KEY = Pattern.compile("AKIA[A-Z2-7]{16}");

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
            List.of(samples.resolve("cloudtrail").toString()),
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
    Set<String> planted =
        CLEAR_CASES.stream().map(p -> credentialOf(company.planted(p))).collect(Collectors.toSet());

    assertThat(ranked.subList(0, planted.size())).containsExactlyInAnyOrderElementsOf(planted);
    for (Actor healthy : company.actors()) {
      if (healthy.planted() == Planted.HEALTHY) {
        assertThat(ranked.indexOf(credentialOf(healthy)))
            .as("healthy %s", healthy.name())
            .isGreaterThanOrEqualTo(planted.size());
      }
    }
    assertThat(scores.get(0).factors()).allSatisfy(f -> assertThat(f.evidence()).isNotBlank());
  }

  @Test
  void everyRecordReadIsAccountedForOnce() throws Exception {
    RunSummary summary = RunOutputs.readSummary(run);
    RunSummary.Totals totals = summary.totals();

    assertThat(totals.read()).isEqualTo(company.events() + company.damagedRecords());
    assertThat(totals.balanced()).isTrue();
    assertThat(summary.inputs()).hasSize(company.objects());
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
        .contains("[1/4] reading audit logs", "[3/4] scoring", "main reason", "[4/4] rendering");
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

  private static String credentialOf(Actor actor) {
    return actor.accessKeyId() != null ? actor.accessKeyId() : actor.arn();
  }
}
