package org.nhiaudit.job;

import java.util.Locale;
import java.util.function.Predicate;
import org.apache.flink.core.fs.Path;

/**
 * Which files under a log folder are read. Besides Flink's default (no hidden files, nothing
 * starting with {@code _}; decided here by name so that a listing need not build a Path),
 * documentation that often sits beside exported logs is passed over: {@code *.md}, {@code README*},
 * {@code LICENSE*}, {@code NOTICE*}. Any other file is read, and a file that is not an audit log
 * becomes a dead letter, so nothing else is skipped unseen.
 */
public final class LogFileFilter implements Predicate<Path>, java.io.Serializable {

  @Override
  public boolean test(Path path) {
    return test(path.getName());
  }

  /** The same decision from the last element of a path alone, for listings that have no Path. */
  public boolean test(String fileName) {
    // Flink's DefaultFileFilter: hidden files and names starting with '_' are not data.
    if (fileName.startsWith(".") || fileName.startsWith("_")) {
      return false;
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    boolean documentation =
        name.endsWith(".md")
            || name.startsWith("readme")
            || name.startsWith("license")
            || name.startsWith("notice");
    return !documentation;
  }
}
