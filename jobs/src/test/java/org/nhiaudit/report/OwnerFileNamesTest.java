package org.nhiaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerFileNamesTest {

  @Test
  void pathLikeNamesBecomeOneSafeSegment() {
    String stem = OwnerFileNames.stem("../../etc/passwd");
    assertThat(stem).matches("etc-passwd-[0-9a-f]{10}");
  }

  @Test
  void namesThatSlugAlikeStayApart() {
    assertThat(OwnerFileNames.stem("Team A")).isNotEqualTo(OwnerFileNames.stem("team-a"));
    assertThat(OwnerFileNames.stem("Team A")).startsWith("team-a-");
  }

  @Test
  void namesWithoutLettersStillGetAName() {
    assertThat(OwnerFileNames.stem("../..")).matches("owner-[0-9a-f]{10}");
    assertThat(OwnerFileNames.stem("日本")).matches("owner-[0-9a-f]{10}");
  }

  @Test
  void unownedIsDistinctFromAnOwnerCalledUnowned() {
    assertThat(OwnerFileNames.stem(null)).isEqualTo(OwnerFileNames.UNOWNED);
    assertThat(OwnerFileNames.stem("unowned")).isNotEqualTo(OwnerFileNames.UNOWNED);
  }

  @Test
  void longNamesAreCut() {
    assertThat(OwnerFileNames.stem("x".repeat(500)).length()).isLessThan(60);
  }
}
