package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.report.ReportGenerator;
import org.nhiaudit.report.ReportRequest;
import org.nhiaudit.run.BatchRun;
import org.nhiaudit.run.BatchSettings;
import org.nhiaudit.run.RunOutputs;
import org.nhiaudit.run.RunSummary;

/**
 * Attacker-controlled log fields, end to end: through the parser, the job, scoring and both
 * packets. Secrets in the log never reach any output; markup stays text; nothing becomes a formula.
 */
class HostileInputTest {

  private static final String SCRIPT = "<script>alert('ua')</script>";
  private static final String FORMULA = "=HYPERLINK(\"http://attacker.example\",\"click\")";
  private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEsessionTOKENvalue123";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLESECRET";
  private static final String PASSWORD = "Hunter2-correct-horse";

  @TempDir static Path dir;
  static Path run;

  @BeforeAll
  static void runOnHostileLogs() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(
        logs.resolve("hostile.json"),
        "{\"Records\":["
            + record(
                "AKIAHOSTILEEXAMPLE01",
                "GetObject",
                SCRIPT,
                "{\"bucketName\":\"" + FORMULA.replace("\"", "\\\"") + "\"}",
                "null")
            + ","
            + record(
                "AKIAHOSTILEEXAMPLE02",
                "AssumeRole",
                FORMULA,
                "{\"roleArn\":\"arn:aws:iam::111122223333:role/x\"}",
                "{\"credentials\":{\"accessKeyId\":\"ASIAEXAMPLEEXAMPLE12\",\"sessionToken\":\""
                    + SESSION_TOKEN
                    + "\",\"secretAccessKey\":\""
                    + SECRET_KEY
                    + "\"}}")
            + ","
            + record(
                "AKIAHOSTILEEXAMPLE01",
                "CreateLoginProfile",
                "aws-cli/2.15",
                "{\"userName\":\"bob\",\"password\":\"" + PASSWORD + "\"}",
                "null")
            + "]}");
    run = dir.resolve("run");
    BatchSettings settings =
        new BatchSettings(
            List.of(logs.toString()), List.of(), run, null, null, null, 1, 5, true, null, null);
    int code =
        new BatchRun(
                settings,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                s ->
                    new ReportGenerator()
                        .generate(ReportRequest.of(s.out(), s.out().resolve("report")))
                        .index()
                        .toString())
            .execute();
    assertThat(code).isZero();
    RunSummary.Totals totals = RunOutputs.readSummary(run).totals();
    assertThat(totals.parsed()).as("every hostile record was read").isEqualTo(3);
    assertThat(totals.rejected()).isZero();
  }

  @Test
  void noSecretFromTheLogReachesAnyOutput() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(run)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).extracting(f -> f.getFileName().toString()).contains("review.xlsx");
    for (Path file : files) {
      String text = readable(file);
      assertThat(text)
          .as("%s", file)
          .doesNotContain(SESSION_TOKEN)
          .doesNotContain(SECRET_KEY)
          .doesNotContain(PASSWORD);
    }
  }

  @Test
  void markupFromTheLogIsShownAsTextInTheHtml() throws Exception {
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(run.resolve("report"))) {
      pages = walk.filter(f -> f.toString().endsWith(".html")).toList();
    }
    boolean shown = false;
    for (Path page : pages) {
      var doc = Jsoup.parse(page.toFile());
      assertThat(doc.select("script")).as("%s", page).isEmpty();
      shown |= doc.text().contains(SCRIPT);
    }
    assertThat(shown).as("the user agent appears as visible text somewhere").isTrue();
  }

  @Test
  void noCellOfAnyWorkbookIsAFormula() throws Exception {
    boolean quoted = false;
    try (Workbook book = WorkbookFactory.create(run.resolve("report/review.xlsx").toFile())) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
            if (cell.getCellType() == CellType.STRING
                && cell.getStringCellValue().startsWith("=HYPERLINK")) {
              assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
              quoted = true;
            }
          }
        }
      }
    }
    assertThat(quoted).as("the formula-like user agent is in the workbook, quoted").isTrue();
  }

  /** The text of a file; for a workbook, the XML of every part, since cells live inside a zip. */
  private static String readable(Path file) throws IOException {
    if (!file.toString().endsWith(".xlsx")) {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
    List<String> parts = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          parts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return String.join("\n", parts);
  }

  private static String record(
      String key, String name, String agent, String request, String response) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":"
        + "\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:user/svc-hostile\","
        + "\"accessKeyId\":\""
        + key
        + "\"},\"eventTime\":\"2026-05-01T10:00:00Z\","
        + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\""
        + name
        + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\""
        + agent.replace("\"", "\\\"")
        + "\",\"requestParameters\":"
        + request
        + ",\"responseElements\":"
        + response
        + "}";
  }
}
