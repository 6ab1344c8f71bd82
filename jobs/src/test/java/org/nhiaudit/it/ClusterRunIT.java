package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.cli.Main;
import org.nhiaudit.run.RunOutputs;

/**
 * The batch job submitted to a real standalone Flink session cluster ({@code scripts/cluster}: a
 * JobManager and a TaskManager in their own processes) gives the same outputs as the embedded run
 * over the bundled sample logs. Not part of the default test run: {@code mvn -Pcluster-it verify}.
 */
class ClusterRunIT {

  @TempDir static Path temp;

  static Path root;

  @BeforeAll
  static void startCluster() throws Exception {
    root = Path.of(System.getProperty("nhiaudit.root", ".")).toAbsolutePath();
    script("start", "--slots", "2");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    script("stop");
  }

  @Test
  void clusterRunWritesWhatTheEmbeddedRunWrites() throws Exception {
    String logs = root.resolve("sample-logs/cloudtrail").toString();
    Path onCluster = temp.resolve("cluster");
    Path embedded = temp.resolve("embedded");

    script("run", "batch", "--logs", logs, "--out", onCluster.toString(), "--no-report");
    int exit = Main.run("batch", "--logs", logs, "--out", embedded.toString(), "--no-report");

    assertThat(exit).isZero();
    for (String file :
        List.of(
            RunOutputs.USAGE,
            RunOutputs.IDENTITY_USAGE,
            RunOutputs.SCORES,
            RunOutputs.DEAD_LETTER)) {
      List<String> expected = sortedLines(embedded.resolve(file));
      assertThat(expected).as(file).isNotEmpty();
      assertThat(sortedLines(onCluster.resolve(file))).as(file).isEqualTo(expected);
    }
  }

  private static List<String> sortedLines(Path file) throws IOException {
    return Files.readAllLines(file).stream().sorted().toList();
  }

  private static void script(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(root.resolve("scripts/cluster").toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("scripts/cluster " + String.join(" ", args) + " failed");
    }
  }
}
