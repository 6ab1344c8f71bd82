package org.nhiaudit.job;

/**
 * The folders the streaming job writes under its output folder. Each holds JSON-lines part files
 * committed at checkpoints; files whose names start with a dot are still being written and are not
 * part of the output yet.
 *
 * <ul>
 *   <li>{@code alerts/}: one {@link org.nhiaudit.alert.Alert} per line;
 *   <li>{@code late-events/}: one {@link LateEvent} per event that came later than the allowed
 *       delay;
 *   <li>{@code usage/}, {@code identity-usage/}: changed aggregates at each snapshot interval; the
 *       latest line of a key is its current aggregate;
 *   <li>{@code dead-letters/}: rejected records; {@code files/}: the accounting of each file read;
 *   <li>{@code snapshot/}: a run directory of the current aggregates and scores, rewritten whole at
 *       each snapshot interval, that {@code nhi-audit report --run} renders.
 * </ul>
 */
public final class StreamOutputs {

  public static final String ALERTS = "alerts";
  public static final String LATE_EVENTS = "late-events";
  public static final String USAGE = "usage";
  public static final String IDENTITY_USAGE = "identity-usage";
  public static final String DEAD_LETTERS = "dead-letters";
  public static final String FILES = "files";
  public static final String SNAPSHOT = "snapshot";

  private StreamOutputs() {}

  /** The folder of a batch-style record. */
  static String folderOf(JobRecord.Kind kind) {
    return switch (kind) {
      case USAGE -> USAGE;
      case IDENTITY_USAGE -> IDENTITY_USAGE;
      case DEAD_LETTER -> DEAD_LETTERS;
      case FILE -> FILES;
    };
  }
}
