package org.nhiaudit.report.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.nhiaudit.report.ReportGenerator;
import org.nhiaudit.report.ReportRequest;
import org.nhiaudit.report.RunFixtures;

/**
 * Renders two sample reports for looking at in a browser: the hostile fixture (with a previous run)
 * under {@code <out>/hostile}, and 600 generated credentials under {@code <out>/synthetic}.
 */
public final class SampleReport {

  private SampleReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/sample-report");
    Path hostile = RunFixtures.hostileRun(out.resolve("runs/hostile"));
    Path previous = RunFixtures.previousRun(out.resolve("runs/hostile-previous"));
    ReportGenerator generator = new ReportGenerator();
    generator.generate(ReportRequest.of(hostile, out.resolve("hostile")).withPrevious(previous));
    Path run = SyntheticRun.write(out.resolve("runs/synthetic"), 600, 7);
    Path before = SyntheticRun.write(out.resolve("runs/synthetic-previous"), 600, 6);
    generator.generate(ReportRequest.of(run, out.resolve("synthetic")).withPrevious(before));
    System.out.println(out.toAbsolutePath());
  }
}
