package org.nhiaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.run.RunOutputs;

/** The entry point's failures and the templates option. */
class ReportGeneratorTest {

  @TempDir Path tmp;

  private final ReportGenerator generator = new ReportGenerator();

  @Test
  void missingRunDirectoryIsNamed() {
    Path missing = tmp.resolve("no-such-run");
    assertThatThrownBy(() -> generator.generate(ReportRequest.of(missing, tmp.resolve("out"))))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("run directory does not exist")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void unreadableScoresNameTheFile() throws IOException {
    Path run = RunFixtures.hostileRun(tmp.resolve("run"));
    Files.writeString(run.resolve(RunOutputs.SCORES), "{\"score\": \"not a number\"\n");
    assertThatThrownBy(() -> generator.generate(ReportRequest.of(run, tmp.resolve("out"))))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining(run.resolve(RunOutputs.SCORES).toString());
  }

  @Test
  void brokenTemplateIsNamed() throws IOException {
    Path run = RunFixtures.hostileRun(tmp.resolve("run"));
    Path templates = copyOfBundledTemplates();
    Files.writeString(templates.resolve("summary.ftlh"), "<#import \"macros.ftlh\" as m>${nope.x}");
    ReportRequest request = ReportRequest.of(run, tmp.resolve("out")).withTemplates(templates);
    assertThatThrownBy(() -> generator.generate(request))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("summary.ftlh");
  }

  @Test
  void restyledTemplatesAreUsed() throws IOException {
    Path run = RunFixtures.hostileRun(tmp.resolve("run"));
    Path templates = copyOfBundledTemplates();
    Path style = templates.resolve("style.ftlh");
    Files.writeString(style, Files.readString(style) + "\n.restyled-marker { color: red; }\n");
    ReportRequest request = ReportRequest.of(run, tmp.resolve("out")).withTemplates(templates);
    ReportResult result = generator.generate(request);
    assertThat(Files.readString(result.summary())).contains(".restyled-marker");
  }

  private Path copyOfBundledTemplates() throws IOException {
    Path source = Path.of(System.getProperty("nhiaudit.root"), "reports-templates");
    Path copy = Files.createDirectories(tmp.resolve("templates"));
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }
}
