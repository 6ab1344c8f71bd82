package org.nhiaudit.risk;

import java.util.List;

/**
 * A configuration file that cannot be used: unreadable, not YAML, an unknown key or a bad value.
 * The message names every problem found, each with its full dotted key and the offending value, so
 * one run reports all mistakes at once.
 */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem, Throwable cause) {
    super(problem, cause);
    this.problems = List.of(problem);
  }

  /** Each problem as one sentence, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
