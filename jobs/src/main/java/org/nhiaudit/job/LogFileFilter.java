package org.nhiaudit.job;

import java.util.Locale;
import java.util.function.Predicate;
import org.apache.flink.connector.file.src.enumerate.DefaultFileFilter;
import org.apache.flink.core.fs.Path;

/**
 * Which files under a log folder are read. Besides Flink's default (no hidden files, nothing
 * starting with {@code _}), documentation that often sits beside exported logs is passed over:
 * {@code *.md}, {@code README*}, {@code LICENSE*}, {@code NOTICE*}. Any other file is read, and a
 * file that is not an audit log becomes a dead letter, so nothing else is skipped unseen.
 */
public final class LogFileFilter implements Predicate<Path>, java.io.Serializable {

  private final DefaultFileFilter defaults = new DefaultFileFilter();

  @Override
  public boolean test(Path path) {
    if (!defaults.test(path)) {
      return false;
    }
    String name = path.getName().toLowerCase(Locale.ROOT);
    boolean documentation =
        name.endsWith(".md")
            || name.startsWith("readme")
            || name.startsWith("license")
            || name.startsWith("notice");
    return !documentation;
  }
}
