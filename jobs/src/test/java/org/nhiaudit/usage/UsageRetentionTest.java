package org.nhiaudit.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Origin;
import org.nhiaudit.model.Outcome;

/** The per-day retention window of the streaming aggregates, in event time. */
class UsageRetentionTest {

  private static final String KEY = "AKIARETENTION0000001";
  private static final Instant DAY0 = Instant.parse("2025-01-01T10:00:00Z");

  private static AccessEvent on(int day) {
    return new AccessEvent(
        DAY0.plus(day, ChronoUnit.DAYS),
        "aws",
        "111122223333",
        "arn:aws:iam::111122223333:user/etl",
        "IAMUser",
        KEY,
        CredentialKind.ACCESS_KEY,
        "s3:GetObject",
        List.of(),
        "10.0.0.1",
        "aws-cli/2.15",
        Outcome.SUCCESS,
        null,
        "us-east-1",
        ActorClass.NON_HUMAN,
        "test",
        new Origin("f.json", day, 0));
  }

  private static LocalDate date(int day) {
    return LocalDate.of(2025, 1, 1).plusDays(day);
  }

  @Test
  void daysOlderThanTheWindowBeforeTheLastEventAreDropped() {
    UsageAccumulator acc = new UsageAccumulator();
    for (int day = 0; day < 30; day++) {
      acc.add(KEY, on(day), 10);
    }
    CredentialUsage usage = acc.snapshot();

    // Last event on day 29: days 19..29 are within 10 days of it.
    assertThat(usage.activityPerDay().keySet()).hasSize(11).first().isEqualTo(date(19));
    assertThat(usage.activityPerDay().lastKey()).isEqualTo(date(29));
    assertThat(usage.events()).isEqualTo(30);
    assertThat(usage.firstSeen()).isEqualTo(on(0).time());
  }

  @Test
  void theWindowFollowsEventTimeNotArrivalOrder() {
    UsageAccumulator acc = new UsageAccumulator();
    acc.add(KEY, on(100), 10);
    // Late events: one inside the window is kept, one outside it is dropped at once.
    acc.add(KEY, on(95), 10);
    acc.add(KEY, on(80), 10);
    // An older last day is never taken from a late event: day 100 stays the reference.
    assertThat(acc.snapshot().activityPerDay().keySet()).containsExactly(date(95), date(100));
    assertThat(acc.snapshot().events()).isEqualTo(3);
  }

  @Test
  void aGapLongerThanTheWindowLeavesOnlyTheNewDay() {
    UsageAccumulator acc = new UsageAccumulator();
    acc.add(KEY, on(0), 10).add(KEY, on(0), 10).add(KEY, on(5), 10);
    assertThat(acc.snapshot().activityPerDay()).containsOnlyKeys(date(0), date(5));

    acc.add(KEY, on(16), 10);
    assertThat(acc.snapshot().activityPerDay()).containsOnlyKeys(date(16));
    assertThat(acc.snapshot().lastSeen()).isEqualTo(on(16).time());
  }

  @Test
  void theDayExactlyAtTheWindowIsKept() {
    UsageAccumulator acc = new UsageAccumulator();
    acc.add(KEY, on(0), 10).add(KEY, on(10), 10);
    assertThat(acc.snapshot().activityPerDay()).containsOnlyKeys(date(0), date(10));
    acc.add(KEY, on(11), 10);
    assertThat(acc.snapshot().activityPerDay()).containsOnlyKeys(date(10), date(11));
  }

  @Test
  void withoutAWindowEveryDayIsKept() {
    UsageAccumulator acc = new UsageAccumulator();
    for (int day = 0; day < 30; day++) {
      acc.add(KEY, on(day));
    }
    assertThat(acc.snapshot().activityPerDay()).hasSize(30);
  }
}
