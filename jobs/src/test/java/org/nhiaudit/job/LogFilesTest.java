package org.nhiaudit.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

  @TempDir Path dir;

  @Test
  void listsNestedLogFilesAndPassesOverDocumentation() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/b/one.json.gz"), "x");
    Files.writeString(dir.resolve("a/two.json"), "xy");
    Files.writeString(dir.resolve("README.md"), "docs");
    Files.writeString(dir.resolve("a/.hidden"), "h");
    Path single = Files.writeString(dir.resolve("single.jsonl"), "abc");

    List<LogFiles.Entry> found =
        LogFiles.list(List.of(dir.resolve("a").toString(), single.toString()));

    assertThat(found)
        .extracting(e -> Path.of(e.path()).getFileName().toString(), LogFiles.Entry::bytes)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("one.json.gz", 1L),
            org.assertj.core.groups.Tuple.tuple("two.json", 2L),
            org.assertj.core.groups.Tuple.tuple("single.jsonl", 3L));
  }

  @Test
  void dealsEveryFileOnceIntoGroupsOfSimilarLoad() {
    List<LogFiles.Entry> files =
        List.of(
            new LogFiles.Entry("big", 1_000_000),
            new LogFiles.Entry("a", 300_000),
            new LogFiles.Entry("b", 300_000),
            new LogFiles.Entry("c", 300_000),
            new LogFiles.Entry("d", 100_000));

    List<String[]> groups = LogFiles.groups(files, 2);

    assertThat(groups).hasSize(2);
    assertThat(groups.get(0)).containsExactly("big");
    assertThat(groups.get(1)).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(groups.stream().flatMap(Arrays::stream)).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void neverMakesEmptyGroups() {
    List<String[]> groups = LogFiles.groups(List.of(new LogFiles.Entry("only", 5)), 8);

    assertThat(groups).singleElement().satisfies(g -> assertThat(g).containsExactly("only"));
  }
}
