package org.nhiaudit.job;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Lists the log files under the given roots, through Flink's {@link FileSystem} so that any scheme
 * with a plugin (local, S3, HDFS) is listed alike, and deals them into groups of similar size for
 * the readers of a bounded run.
 *
 * <p>The listing happens once, where the job is built. The groups travel inside the job graph, so a
 * run over tens of millions of objects carries a large graph; at that size the file source with one
 * split per file is the sturdier choice, at a higher cost per file.
 */
final class LogFiles {

  /** A file to read and its stored size, which is only used to balance the groups. */
  record Entry(String path, long bytes) {}

  private LogFiles() {}

  /** Every readable file under {@code roots}, in path order; a root may itself be a file. */
  static List<Entry> list(List<String> roots) throws IOException {
    LogFileFilter filter = new LogFileFilter();
    List<Entry> found = new ArrayList<>();
    for (String root : roots) {
      Path path = new Path(root);
      FileSystem fs = path.getFileSystem();
      if (!fs.isDistributedFS() && fs.getUri().getScheme().equals("file")) {
        walkLocal(path, filter, found);
        continue;
      }
      FileStatus status = fs.getFileStatus(path);
      if (status.isDir()) {
        walk(fs, status, filter, found);
      } else {
        found.add(new Entry(path.toString(), status.getLen()));
      }
    }
    found.sort(Comparator.comparing(Entry::path));
    return found;
  }

  /**
   * The local file system's part of {@link #list}, through the JDK's directory walk, which reads
   * each entry's attributes with its name. Flink's listing builds and normalises a URI for every
   * entry and asks for its attributes one call at a time: about a second for 16,000 files, spent
   * while the embedded cluster starts on the same cores. The paths come out exactly as Flink's
   * listing writes them.
   */
  private static void walkLocal(Path root, LogFileFilter filter, List<Entry> found)
      throws IOException {
    java.nio.file.Path start = java.nio.file.Path.of(root.toUri().getPath());
    BasicFileAttributes rootAttributes = Files.readAttributes(start, BasicFileAttributes.class);
    if (!rootAttributes.isDirectory()) {
      found.add(new Entry(root.toString(), rootAttributes.size()));
      return;
    }
    // Flink names a listed file "file:" and its absolute path, normalised as a URI is.
    String absolute = start.toAbsolutePath().normalize().toString();
    String base = "file:" + (absolute.endsWith("/") ? absolute : absolute + "/");
    Files.walkFileTree(
        start,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(
              java.nio.file.Path dir, BasicFileAttributes attributes) {
            return dir.equals(start) || filter.test(dir.getFileName().toString())
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(
              java.nio.file.Path file, BasicFileAttributes attributes) {
            if (filter.test(file.getFileName().toString())) {
              String relative = start.relativize(file).toString();
              found.add(new Entry(base + relative, attributes.size()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e)
              throws IOException {
            // An unreadable folder fails the run; skipping it would lose its logs unseen.
            throw new IOException("cannot list " + file + ": " + e, e);
          }
        });
  }

  private static void walk(FileSystem fs, FileStatus dir, LogFileFilter filter, List<Entry> found)
      throws IOException {
    FileStatus[] children = fs.listStatus(dir.getPath());
    if (children == null) {
      return;
    }
    for (FileStatus child : children) {
      if (!filter.test(child.getPath())) {
        continue;
      }
      if (child.isDir()) {
        walk(fs, child, filter, found);
      } else {
        found.add(new Entry(child.getPath().toString(), child.getLen()));
      }
    }
  }

  /**
   * Deals {@code files} into at most {@code count} groups, largest file first to the lightest
   * group, so that one huge file does not leave the other readers idle behind it.
   */
  static List<String[]> groups(List<Entry> files, int count) {
    int n = Math.max(1, Math.min(count, files.size()));
    List<List<String>> groups = new ArrayList<>();
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
    }
    List<Entry> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(Entry::bytes).reversed().thenComparing(Entry::path));
    for (Entry file : bySize) {
      int lightest = 0;
      for (int i = 1; i < n; i++) {
        lightest = load[i] < load[lightest] ? i : lightest;
      }
      groups.get(lightest).add(file.path());
      // A file costs its size plus a fixed amount for opening it, so that many empty files spread.
      load[lightest] += file.bytes() + 4096;
    }
    List<String[]> result = new ArrayList<>();
    for (List<String> group : groups) {
      if (!group.isEmpty()) {
        result.add(group.toArray(String[]::new));
      }
    }
    return result;
  }
}
