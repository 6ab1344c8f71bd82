package org.nhiaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract for mistakes: one clear line on stderr and exit code 2. */
class MainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  @Test
  void onlyABatchRunStartsTheClusterBeforeParsing() {
    assertThat(BatchCommand.isRun(new String[] {"batch"})).isTrue();
    assertThat(BatchCommand.isRun(new String[] {"batch", "--logs", "x", "--no-report"})).isTrue();
    assertThat(BatchCommand.isRun(new String[] {"batch", "--help"})).isFalse();
    assertThat(BatchCommand.isRun(new String[] {"batch", "-V"})).isFalse();
    assertThat(BatchCommand.isRun(new String[] {"stream", "--logs", "x"})).isFalse();
    assertThat(BatchCommand.isRun(new String[] {"report", "batch"})).isFalse();
    assertThat(BatchCommand.isRun(new String[] {})).isFalse();
  }

  @Test
  void helpExplainsEveryBatchOption() {
    assertThat(Main.run("batch", "--help")).isZero();
    assertThat(stdout())
        .contains(
            "--logs",
            "--inventory",
            "--out",
            "--as-of",
            "--config",
            "--format",
            "--parallelism",
            "--no-report",
            "--previous",
            "--templates",
            "--top");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThat(Main.run("batch", "--logz", "x")).isEqualTo(2);
    assertThat(stderr()).contains("Unknown options: '--logz'", "Possible solutions: --logs");
  }

  @Test
  void aMissingInputIsNamed() {
    Path missing = dir.resolve("nowhere");

    assertThat(Main.run("batch", "--logs", missing.toString(), "--out", out())).isEqualTo(2);
    assertThat(stderr()).contains("error: input not found: " + missing);
  }

  @Test
  void inventoryWithoutLogsIsRefused() throws Exception {
    Path inventory = Files.createDirectory(dir.resolve("inv"));

    assertThat(Main.run("batch", "--inventory", inventory.toString())).isEqualTo(2);
    assertThat(stderr()).contains("--logs is required when --inventory is given");
  }

  @Test
  void aBadAsOfDateSaysWhatItExpects() throws Exception {
    Path logs = Files.createDirectory(dir.resolve("logs"));

    assertThat(Main.run("batch", "--logs", logs.toString(), "--as-of", "30/11/2026")).isEqualTo(2);
    assertThat(stderr()).contains("--as-of must be a date (2026-11-30)", "'30/11/2026'");
  }

  @Test
  void aBadConfigurationValueIsRejectedBeforeTheJobRuns() throws Exception {
    Path logs = Files.createDirectory(dir.resolve("logs"));
    Path config = dir.resolve("risk.yaml");
    Files.writeString(config, "risk:\n  factors:\n    key-age:\n      rotationDays: -3\n");

    int code =
        Main.run("batch", "--logs", logs.toString(), "--config", config.toString(), "--out", out());

    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("--config " + config, "risk.factors.key-age.rotationDays");
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void anUnknownFormatListsTheKnownOnes() throws Exception {
    Path logs = Files.createDirectory(dir.resolve("logs"));

    assertThat(Main.run("batch", "--logs", logs.toString(), "--format", "syslog", "--out", out()))
        .isEqualTo(2);
    assertThat(stderr()).contains("unknown format 'syslog'", "cloudtrail", "k8s-audit");
  }

  @Test
  void theStreamingJobRejectsAnUnknownFormatBeforeStarting() throws Exception {
    Path watch = Files.createDirectory(dir.resolve("watch"));

    assertThat(
            Main.run("stream", "--watch", watch.toString(), "--out", out(), "--format", "syslog"))
        .isEqualTo(2);
    assertThat(stderr()).contains("--format: unknown format 'syslog'", "cloudtrail");
  }

  @Test
  void reportNeedsARunDirectory() {
    assertThat(Main.run("report", "--run", dir.toString())).isEqualTo(2);
    assertThat(stderr()).contains("run-summary.json");
  }

  private String out() {
    return dir.resolve("out").toString();
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
