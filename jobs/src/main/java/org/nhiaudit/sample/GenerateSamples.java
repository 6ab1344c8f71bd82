package org.nhiaudit.sample;

import java.io.IOException;

/**
 * Command line: {@code GenerateSamples [--out DIR] [--seed N] [--end DATE] [--days N] [--events N]
 * [--inventory|--no-inventory]}. Writes the sample company's logs and inventories.
 */
public final class GenerateSamples {

  private GenerateSamples() {}

  public static void main(String[] args) throws IOException {
    SampleOptions options;
    try {
      options = SampleOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("generate-samples: " + e.getMessage());
      System.exit(2);
      return;
    }
    SampleSummary summary = SampleCompany.generate(options);
    System.out.printf(
        "wrote %d CloudTrail objects with %d records for %d principals to %s%n",
        summary.objects(), summary.events(), summary.actors().size(), options.out());
    System.out.printf("damaged object: %s%n", summary.damagedObject());
    for (PlatformLog log : summary.platforms()) {
      System.out.printf(
          "wrote %d %s records to %s/%n", log.records(), log.provider(), log.folder());
    }
  }
}
