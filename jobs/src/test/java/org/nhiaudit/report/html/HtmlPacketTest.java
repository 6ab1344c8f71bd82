package org.nhiaudit.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.model.Mask;
import org.nhiaudit.report.OwnerFileNames;
import org.nhiaudit.report.ReportGenerator;
import org.nhiaudit.report.ReportRequest;
import org.nhiaudit.report.ReportResult;
import org.nhiaudit.report.RunFixtures;
import org.nhiaudit.report.view.ActivityPeriod;

/** Renders the packets of a hostile run and reads them back as HTML. */
class HtmlPacketTest {

  @TempDir static Path tmp;
  static ReportResult result;

  @BeforeAll
  static void render() throws IOException {
    Path run = RunFixtures.hostileRun(tmp.resolve("run"));
    Path previous = RunFixtures.previousRun(tmp.resolve("previous"));
    ReportRequest request = ReportRequest.of(run, tmp.resolve("out")).withPrevious(previous);
    result = new ReportGenerator().generate(request);
  }

  static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.walk(result.out())) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  static Document parse(Path page) throws IOException {
    return Jsoup.parse(page.toFile(), "UTF-8");
  }

  static Document ownerPage(String owner) throws IOException {
    return parse(result.out().resolve("owners").resolve(OwnerFileNames.stem(owner) + ".html"));
  }

  @Test
  void writesIndexSummaryPacketAndOnePagePerOwner() throws IOException {
    assertThat(result.owners()).hasSize(4);
    assertThat(pages()).hasSize(3 + result.owners().size());
    Document index = parse(result.index());
    for (ReportResult.OwnerFiles owner : result.owners()) {
      String link = "owners/" + owner.packet().getFileName();
      assertThat(index.select("a[href=" + link + "]")).hasSize(1);
    }
  }

  @Test
  void ownerFilesStayInsideTheOwnersDirectory() {
    Path ownersDir = result.out().resolve("owners").toAbsolutePath().normalize();
    for (ReportResult.OwnerFiles owner : result.owners()) {
      assertThat(owner.packet().toAbsolutePath().normalize().getParent()).isEqualTo(ownersDir);
      assertThat(owner.packet().getFileName().toString()).matches("[a-z0-9-]+\\.html");
    }
    assertThat(result.owners())
        .extracting(ReportResult.OwnerFiles::owner)
        .contains(RunFixtures.TRAVERSAL_OWNER, RunFixtures.MARKUP_OWNER, null);
  }

  @Test
  void noLogValueBecomesMarkup() throws IOException {
    for (Path page : pages()) {
      Document doc = parse(page);
      assertThat(doc.select("script")).as("%s has a script", page).isEmpty();
      assertThat(doc.select("img")).as("%s has an image", page).isEmpty();
      for (Element e : doc.getAllElements()) {
        for (Attribute a : e.attributes()) {
          assertThat(a.getKey()).as("%s on %s", page, e.tagName()).doesNotStartWith("on");
        }
      }
    }
    Document hostile = ownerPage(RunFixtures.MARKUP_OWNER);
    assertThat(hostile.text())
        .contains(RunFixtures.SCRIPT_AGENT, RunFixtures.SVG_IDENTITY, RunFixtures.MARKUP_OWNER);
  }

  @Test
  void svgLabelsAreTextNotElements() throws IOException {
    Document summary = parse(result.summary());
    assertThat(summary.select("svg.chart")).hasSize(3);
    for (Element svg : summary.select("svg")) {
      assertThat(svg.select("script, foreignObject, a")).isEmpty();
    }
  }

  @Test
  void pagesMakeNoRequests() throws IOException {
    for (Path page : pages()) {
      Document doc = parse(page);
      assertThat(doc.select("link")).as("%s", page).isEmpty();
      assertThat(doc.select("iframe, object, embed, base")).as("%s", page).isEmpty();
      for (Element e : doc.select("[src], [href]")) {
        String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
        assertThat(ref).as("%s in %s", ref, page).doesNotContainPattern("^(?i)(https?:|//|data:)");
      }
      String css = doc.select("style").html();
      assertThat(css).doesNotContain("@import").doesNotContain("url(");
    }
  }

  @Test
  void credentialIdsAreMasked() throws IOException {
    for (Path page : pages()) {
      String html = Files.readString(page);
      assertThat(html).doesNotContain(RunFixtures.KEY_HOSTILE, RunFixtures.KEY_ALICE);
    }
    assertThat(parse(result.packet()).text()).contains(Mask.credential(RunFixtures.KEY_HOSTILE));
  }

  @Test
  void summaryCountsSeveritiesAndChange() throws IOException {
    Document summary = parse(result.summary());
    Element change = summary.selectFirst("h3:contains(previous run) + table");
    assertThat(change).isNotNull();
    List<String> cells = change.select("tr").get(1).select("td").eachText();
    assertThat(cells.get(0)).isEqualTo("3 → 4");
    assertThat(cells.subList(2, 6)).containsExactly("2", "1", "1", "1");
    assertThat(summary.select("table.top tr")).hasSize(1 + 4);
    assertThat(summary.select("table.top tr").get(1).text()).startsWith("91");
  }

  @Test
  void ownerPacketShowsEvidenceActivityPermissionsAndSignOff() throws IOException {
    Document alice = ownerPage("alice@example.com");
    assertThat(alice.select("section.cred")).hasSize(1);
    String points = alice.selectFirst("svg.spark polyline").attr("points");
    ActivityPeriod period =
        ActivityPeriod.of(
            RunFixtures.AS_OF.minusSeconds(90L * 86400),
            RunFixtures.AS_OF.minusSeconds(3600),
            RunFixtures.AS_OF);
    assertThat(points.split(" ")).hasSize(period.buckets());
    assertThat(alice.text()).contains(RunFixtures.CMD_PERMISSION, "1 of 4 granted used");
    assertThat(alice.select(".signoff")).hasSize(1);
    assertThat(alice.select("#evidence")).hasSize(1);
    assertThat(alice.text())
        .contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  }

  @Test
  void unownedCredentialsHaveTheirOwnPacket() throws IOException {
    Document unowned = ownerPage(null);
    assertThat(unowned.selectFirst("h1").text()).endsWith("unowned");
    assertThat(unowned.select("section.cred")).hasSize(1);
    assertThat(unowned.text()).contains(Mask.credential(RunFixtures.KEY_ORPHAN));
  }
}
