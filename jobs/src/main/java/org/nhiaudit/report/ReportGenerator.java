package org.nhiaudit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nhiaudit.report.excel.WorkbookWriter;
import org.nhiaudit.report.html.HtmlRenderer;
import org.nhiaudit.report.html.Page;
import org.nhiaudit.report.view.ActivityPeriod;
import org.nhiaudit.report.view.ChangeTracker;
import org.nhiaudit.report.view.ChangeView;
import org.nhiaudit.report.view.CredentialView;
import org.nhiaudit.report.view.CredentialViews;
import org.nhiaudit.report.view.OwnerGroup;
import org.nhiaudit.report.view.ReportView;
import org.nhiaudit.report.view.SummaryBuilder;
import org.nhiaudit.report.view.SummaryView;
import org.nhiaudit.report.view.Texts;
import org.nhiaudit.report.view.UsageEntry;
import org.nhiaudit.report.view.ViewModelBuilder;
import org.nhiaudit.run.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the access-review packets of one run: {@code index.html}, {@code summary.html}, {@code
 * packet.html}, {@code review.xlsx}, and per owner {@code owners/<stem>.html} and {@code
 * owners/<stem>.xlsx}. Reads only the run directory's outputs, never raw logs.
 */
public final class ReportGenerator {

  public static final String OWNERS_DIR = "owners";

  private static final Logger LOG = LoggerFactory.getLogger(ReportGenerator.class);

  /** Writes every packet for {@code request}; fails with one {@link ReportException}. */
  public ReportResult generate(ReportRequest request) {
    RunReader run = new RunReader(request.run(), "the");
    RunSummary summary = run.summary();
    HtmlRenderer html = new HtmlRenderer(request.templates());
    Path ownersDir = outputDirs(request.out());

    ChangeTracker change = previous(request);
    List<CredentialView> credentials = credentials(run, summary, change);
    List<OwnerGroup> owners = ViewModelBuilder.byOwner(credentials);
    ChangeView changeView = change == null ? null : change.view();
    ReportView report = ViewModelBuilder.report(summary, credentials, owners, changeView);
    LOG.info("report of {} credentials, {} owners", credentials.size(), owners.size());

    Path out = request.out();
    html.render(Page.SUMMARY, Map.of("report", report), out.resolve("summary.html"));
    html.render(Page.PACKET, Map.of("report", report), out.resolve("packet.html"));
    html.render(Page.INDEX, Map.of("report", report), out.resolve("index.html"));
    WorkbookWriter excel = new WorkbookWriter();
    excel.write(report, report.summary(), "all owners", credentials, out.resolve("review.xlsx"));
    List<ReportResult.OwnerFiles> ownerFiles = new ArrayList<>();
    for (OwnerGroup group : owners) {
      ownerFiles.add(writeOwner(html, excel, report, group, ownersDir));
    }
    return new ReportResult(
        out,
        out.resolve("index.html"),
        out.resolve("summary.html"),
        out.resolve("packet.html"),
        out.resolve("review.xlsx"),
        ownerFiles,
        credentials.size());
  }

  private static ReportResult.OwnerFiles writeOwner(
      HtmlRenderer html,
      WorkbookWriter excel,
      ReportView report,
      OwnerGroup group,
      Path ownersDir) {
    String stem = group.owner().stem();
    Path page = ownersDir.resolve(stem + ".html");
    Map<String, Object> model = Map.of("report", report, "packet", ViewModelBuilder.packet(group));
    html.render(Page.OWNER, model, page);
    Path workbook = ownersDir.resolve(stem + ".xlsx");
    SummaryView summary = SummaryBuilder.build(group.credentials(), null);
    excel.write(report, summary, "owner: " + group.owner().label(), group.credentials(), workbook);
    return new ReportResult.OwnerFiles(group.owner().owner(), page, workbook);
  }

  /** Reads usage first, then scores, joining each score with its credential's usage. */
  private static List<CredentialView> credentials(
      RunReader run, RunSummary summary, ChangeTracker change) {
    Instant asOf = summary.asOf() != null ? summary.asOf() : summary.periodEnd();
    if (asOf == null) {
      throw new ReportException("the run summary has neither an as-of date nor a period end");
    }
    ActivityPeriod period = ActivityPeriod.of(summary.periodStart(), summary.periodEnd(), asOf);
    CredentialViews views =
        new CredentialViews(asOf, period, CredentialViews.dormantDays(summary.config()));
    Map<String, UsageEntry> usage = new HashMap<>();
    run.eachUsage(u -> usage.put(u.key(), views.usage(u)));
    List<CredentialView> out = new ArrayList<>();
    run.eachScore(
        s -> {
          out.add(views.of(out.size() + 1, s, usage.remove(s.credential())));
          if (change != null) {
            change.current(s);
          }
        });
    return out;
  }

  private static ChangeTracker previous(ReportRequest request) {
    if (request.previous() == null) {
      return null;
    }
    RunReader previous = new RunReader(request.previous(), "the previous");
    ChangeTracker tracker =
        new ChangeTracker(Texts.date(previous.summary().asOf(), "an unknown date"));
    previous.eachScore(tracker::earlier);
    return tracker;
  }

  private static Path outputDirs(Path out) {
    try {
      return Files.createDirectories(out.resolve(OWNERS_DIR));
    } catch (IOException e) {
      throw new ReportException("cannot create output directory " + out + ": " + e.getMessage(), e);
    }
  }
}
