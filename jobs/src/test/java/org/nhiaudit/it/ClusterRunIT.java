package org.nhiaudit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.cli.Main;
import org.nhiaudit.ingest.Json;
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
    // The job ran on the cluster, not on a mini cluster inside the client: the JobManager knows it.
    assertThat(finishedJobs()).contains("nhi-audit batch");
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

  /** Names of the jobs the cluster's JobManager reports as finished. */
  private static List<String> finishedJobs() throws Exception {
    String port = System.getenv().getOrDefault("NHI_CLUSTER_REST_PORT", "18081");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/overview"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> names = new java.util.ArrayList<>();
    for (JsonNode job : Json.MAPPER.readTree(response.body()).path("jobs")) {
      if ("FINISHED".equals(job.path("state").asText())) {
        names.add(job.path("name").asText());
      }
    }
    return names;
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
