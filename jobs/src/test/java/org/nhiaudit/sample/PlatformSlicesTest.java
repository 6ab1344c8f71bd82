package org.nhiaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.ingest.support.Ingested;
import org.nhiaudit.inventory.CredentialRecord;
import org.nhiaudit.inventory.Inventory;
import org.nhiaudit.inventory.InventoryLoader;
import org.nhiaudit.model.AccessEvent;

/** The other platforms' slices, read back with the real readers and the inventory loader. */
class PlatformSlicesTest {

  @TempDir static Path folder;

  static SampleSummary summary;
  static Inventory inventory;

  @BeforeAll
  static void generate() {
    try {
      summary = SampleCompany.generate(SampleOptions.defaults(folder));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    inventory = InventoryLoader.load(List.of(folder.resolve("inventory")));
  }

  @Test
  void everyPlatformParsesWithoutRejectionsAndFiltersOnlyWhatWasPlanted() {
    assertThat(summary.platforms()).hasSize(6);
    for (PlatformLog log : summary.platforms()) {
      Ingested read = Ingested.folder(folder.resolve(log.folder()));
      long filtered = read.summaries().stream().mapToLong(FileSummary::filtered).sum();

      assertThat(read.rejections()).as(log.folder()).isEmpty();
      assertThat(filtered).as(log.folder()).isEqualTo(log.filtered());
      assertThat(read.events()).as(log.folder()).hasSize((int) (log.records() - log.filtered()));
      assertThat(read.events()).extracting(AccessEvent::provider).containsOnly(log.provider());
    }
  }

  @Test
  void eachCaseIsUsedInTheLogsAndJoinsItsInventoryEntryByIdAndIdentity() {
    for (PlatformLog log : summary.platforms()) {
      List<AccessEvent> events = Ingested.folder(folder.resolve(log.folder())).events();
      for (PlatformCase c : log.cases()) {
        List<AccessEvent> used =
            events.stream().filter(e -> c.credential().equals(e.credential())).toList();
        CredentialRecord entry = inventory.credential(c.credential());

        assertThat(used).as(c.toString()).isNotEmpty();
        assertThat(used).extracting(AccessEvent::identity).containsOnly(c.identity());
        assertThat(entry).as(c.toString()).isNotNull();
        assertThat(entry.identity()).as(c.toString()).isEqualTo(c.identity());
      }
    }
  }

  @Test
  void everyPlatformHasOneRiskyAndOneHealthyCase() {
    for (PlatformLog log : summary.platforms()) {
      assertThat(log.cases())
          .extracting(PlatformCase::planted)
          .as(log.folder())
          .contains(Planted.HEALTHY)
          .anySatisfy(p -> assertThat(p).isNotIn(Planted.HEALTHY, Planted.NONE));
    }
  }

  @Test
  void theOktaTokenHasNoOwnerAndTheOthersHaveOne() {
    for (PlatformCase c : summary.platformCases()) {
      String owner = inventory.ownerOf(c.credential(), c.identity());
      if (c.planted() == Planted.OKTA_UNOWNED_TOKEN) {
        assertThat(owner).isNull();
      } else {
        assertThat(owner).as(c.toString()).isNotBlank();
      }
    }
  }
}
