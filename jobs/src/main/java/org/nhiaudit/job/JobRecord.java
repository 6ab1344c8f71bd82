package org.nhiaudit.job;

import java.io.Serializable;

/**
 * One result of the Flink job on its way back to the driver: what it is and its JSON form. The JSON
 * travels instead of the object so that the driver writes exactly what the contract in {@link
 * org.nhiaudit.run.RunOutputs} reads, whatever serializer Flink picks.
 */
public record JobRecord(Kind kind, String json) implements Serializable {

  /** What {@code json} holds. */
  public enum Kind {
    USAGE,
    IDENTITY_USAGE,
    DEAD_LETTER,
    FILE
  }
}
