package org.nhiaudit.sample;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param out the folder that receives {@code cloudtrail/}, {@code inventory/} and the README
 * @param seed the seed of every random choice
 * @param end the last day of the log window (UTC)
 * @param days how many days the window covers, ending with {@code end}
 * @param events roughly how many ordinary calls to generate; session starts stay the same
 * @param inventory whether to write the inventory files
 */
public record SampleOptions(
    Path out, long seed, LocalDate end, int days, int events, boolean inventory) {

  public static final long DEFAULT_SEED = 20261130L;
  public static final LocalDate DEFAULT_END = LocalDate.of(2026, 11, 30);
  public static final int DEFAULT_DAYS = 90;
  public static final int DEFAULT_EVENTS = 20_000;

  public SampleOptions {
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1, got " + days);
    }
    if (events < 1) {
      throw new IllegalArgumentException("--events must be at least 1, got " + events);
    }
  }

  /** The defaults, writing to {@code out}. */
  public static SampleOptions defaults(Path out) {
    return new SampleOptions(out, DEFAULT_SEED, DEFAULT_END, DEFAULT_DAYS, DEFAULT_EVENTS, true);
  }

  /** Reads {@code --out DIR --seed N --end DATE --days N --events N --[no-]inventory}. */
  public static SampleOptions parse(String[] args) {
    SampleOptions options = defaults(Path.of("sample-logs"));
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--inventory" -> options = options.withInventory(true);
        case "--no-inventory" -> options = options.withInventory(false);
        case "--out", "--seed", "--end", "--days", "--events" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
          }
          options = options.with(flag, args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown argument: " + flag);
      }
    }
    return options;
  }

  private SampleOptions with(String flag, String value) {
    return switch (flag) {
      case "--out" -> new SampleOptions(Path.of(value), seed, end, days, events, inventory);
      case "--seed" -> new SampleOptions(out, Long.parseLong(value), end, days, events, inventory);
      case "--end" -> new SampleOptions(out, seed, LocalDate.parse(value), days, events, inventory);
      case "--days" ->
          new SampleOptions(out, seed, end, Integer.parseInt(value), events, inventory);
      default -> new SampleOptions(out, seed, end, days, Integer.parseInt(value), inventory);
    };
  }

  private SampleOptions withInventory(boolean value) {
    return new SampleOptions(out, seed, end, days, events, value);
  }
}
