package org.nhiaudit.model;

import java.io.Serializable;

/**
 * Where a record came from: the input file, the line its text starts on (0 when the format has no
 * meaningful lines) and its index among the records of that file, counted from 0.
 */
public record Origin(String path, long line, long index) implements Serializable {

  /** A short human form, {@code path:line} or {@code path#index}. */
  public String describe() {
    return line > 0 ? path + ":" + line : path + "#" + index;
  }
}
