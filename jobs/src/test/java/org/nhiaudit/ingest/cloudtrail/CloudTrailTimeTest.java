package org.nhiaudit.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CloudTrailTimeTest {

  private static final Instant NOON = Instant.parse("2022-02-07T22:23:37Z");

  @Test
  void readsUtcWithZ() {
    assertThat(CloudTrailTime.parse("2022-02-07T22:23:37Z")).isEqualTo(NOON);
  }

  @Test
  void readsFractionalSeconds() {
    assertThat(CloudTrailTime.parse("2022-02-07T22:23:37.250Z")).isEqualTo(NOON.plusMillis(250));
  }

  @Test
  void readsOffsetsWithAndWithoutColon() {
    assertThat(CloudTrailTime.parse("2022-02-08T09:23:37+11:00")).isEqualTo(NOON);
    assertThat(CloudTrailTime.parse("2022-02-08T09:23:37+1100")).isEqualTo(NOON);
    assertThat(CloudTrailTime.parse("2022-02-07T17:23:37-05:00")).isEqualTo(NOON);
  }

  @Test
  void readsASpaceSeparator() {
    assertThat(CloudTrailTime.parse("2022-02-08 09:23:37+11:00")).isEqualTo(NOON);
  }

  @Test
  void readsAZonelessStampAsUtc() {
    assertThat(CloudTrailTime.parse("2022-02-07T22:23:37")).isEqualTo(NOON);
  }

  @Test
  void readsEpochSecondsAndMillis() {
    assertThat(CloudTrailTime.parse("1644272617")).isEqualTo(NOON);
    assertThat(CloudTrailTime.parse("1644272617000")).isEqualTo(NOON);
  }

  @Test
  void readsThePlainFormExactlyAsTheGeneralParserDoes() {
    assertThat(CloudTrailTime.parse("2024-02-29T23:59:59Z"))
        .isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    assertThat(CloudTrailTime.parse("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
    assertThat(CloudTrailTime.parse("2023-02-29T10:00:00Z")).isNull();
    assertThat(CloudTrailTime.parse("2023-01-01T24:00:00Z")).isNull();
    assertThat(CloudTrailTime.parse("2023-01-01T10:60:00Z")).isNull();
    assertThat(CloudTrailTime.parse("2023-13-01T10:00:00Z")).isNull();
  }

  @Test
  void refusesWhatIsNoTime() {
    assertThat(CloudTrailTime.parse("")).isNull();
    assertThat(CloudTrailTime.parse(null)).isNull();
    assertThat(CloudTrailTime.parse("Jul 30, 2024 9:53:13 PM")).isNull();
    assertThat(CloudTrailTime.parse("2022-02-30T10:00:00Z")).isNull();
    assertThat(CloudTrailTime.parse("99999999999999999999")).isNull();
  }
}
