package org.nhiaudit.job;

import org.nhiaudit.usage.UsageAccumulator;

/**
 * What a bounded reader task hands on: either a finished {@link JobRecord} (a file summary or a
 * dead letter), or its partial usage of one key, to be merged with the other tasks' partials of the
 * same key. Mutable, and merged in place, because only the reduce that owns it touches it.
 */
public final class Partial {

  /** {@link JobRecord.Kind#USAGE} or {@link JobRecord.Kind#IDENTITY_USAGE}; null for a record. */
  public JobRecord.Kind kind;

  /** The credential or identity; null for a record. */
  public String key;

  /** The usage so far; null for a record. */
  public UsageAccumulator usage;

  /** A finished record; null for a usage partial. */
  public JobRecord record;

  /** For Flink's serializer. */
  public Partial() {}

  static Partial usage(JobRecord.Kind kind, String key, UsageAccumulator usage) {
    Partial p = new Partial();
    p.kind = kind;
    p.key = key;
    p.usage = usage;
    return p;
  }

  static Partial record(JobRecord record) {
    Partial p = new Partial();
    p.record = record;
    return p;
  }

  boolean isRecord() {
    return record != null;
  }

  /** The grouping key: kind and key together, so both roll-ups share one shuffle. */
  String groupKey() {
    return kind.name() + '\u0000' + key;
  }

  Partial merge(Partial other) {
    usage.merge(other.usage);
    return this;
  }
}
