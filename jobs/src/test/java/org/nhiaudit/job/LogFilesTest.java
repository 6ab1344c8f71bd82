package org.nhiaudit.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void localListingNamesEveryFileAsFlinksFileSystemListingDoes() throws Exception {
    Files.createDirectories(dir.resolve("logs/AWSLogs/1111/CloudTrail/eu-west-1/2026/11/02"));
    Files.createDirectories(dir.resolve("logs/_temporary/x"));
    Files.createDirectories(dir.resolve("logs/.cache"));
    Files.writeString(
        dir.resolve("logs/AWSLogs/1111/CloudTrail/eu-west-1/2026/11/02/a.json.gz"), "a");
    Files.writeString(
        dir.resolve("logs/AWSLogs/1111/CloudTrail/eu-west-1/2026/11/02/b.json"), "bb");
    Files.writeString(dir.resolve("logs/_temporary/x/partial.json"), "skip");
    Files.writeString(dir.resolve("logs/.cache/c.json"), "skip");
    Files.writeString(dir.resolve("logs/AWSLogs/NOTICE.txt"), "skip");
    Files.writeString(dir.resolve("logs/top.jsonl"), "top");
    Path alone = Files.writeString(dir.resolve("alone.json"), "1234");

    for (String root :
        List.of(
            dir.resolve("logs").toString(),
            dir.resolve("logs") + "/",
            dir.resolve("logs").toUri().toString(),
            "file://" + dir.resolve("logs"),
            Path.of("").toAbsolutePath().relativize(dir.resolve("logs")).toString(),
            alone.toString(),
            alone.toUri().toString())) {
      assertThat(LogFiles.list(List.of(root))).as(root).isEqualTo(throughFlink(root));
    }
    assertThat(LogFiles.list(List.of(dir.resolve("logs").toString())))
        .extracting(LogFiles.Entry::bytes)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void aFolderThatCannotBeListedFailsTheListingByName() throws Exception {
    Files.createDirectories(dir.resolve("logs/a"));
    Files.writeString(dir.resolve("logs/a/one.json"), "x");
    // A link back up the tree cannot be walked; it must not be passed over unseen.
    Files.createSymbolicLink(dir.resolve("logs/a/loop"), dir.resolve("logs"));

    assertThatThrownBy(() -> LogFiles.list(List.of(dir.resolve("logs").toString())))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("cannot list " + dir.resolve("logs/a/loop"));
  }

  /** What Flink's own file-system listing finds under {@code root}, the same filter applied. */
  private static List<LogFiles.Entry> throughFlink(String root) throws Exception {
    org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(root);
    org.apache.flink.core.fs.FileSystem fs = path.getFileSystem();
    List<LogFiles.Entry> found = new java.util.ArrayList<>();
    java.util.ArrayDeque<org.apache.flink.core.fs.FileStatus> pending =
        new java.util.ArrayDeque<>();
    pending.add(fs.getFileStatus(path));
    LogFileFilter filter = new LogFileFilter();
    boolean top = true;
    while (!pending.isEmpty()) {
      org.apache.flink.core.fs.FileStatus status = pending.poll();
      if (!top && !filter.test(status.getPath())) {
        continue;
      }
      top = false;
      if (status.isDir()) {
        pending.addAll(Arrays.asList(fs.listStatus(status.getPath())));
      } else if (status.getPath().equals(fs.getFileStatus(path).getPath())) {
        // A root that is itself a file keeps the name it was given.
        found.add(new LogFiles.Entry(path.toString(), status.getLen()));
      } else {
        found.add(new LogFiles.Entry(status.getPath().toString(), status.getLen()));
      }
    }
    found.sort(java.util.Comparator.comparing(LogFiles.Entry::path));
    return found;
  }
}
