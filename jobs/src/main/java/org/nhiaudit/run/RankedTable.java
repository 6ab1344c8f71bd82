package org.nhiaudit.run;

import java.io.PrintStream;
import java.util.List;
import org.nhiaudit.model.Mask;
import org.nhiaudit.risk.FactorResult;
import org.nhiaudit.risk.Score;

/** The plain-text ranking printed at the end of a run: one line per credential, riskiest first. */
final class RankedTable {

  private static final String ROW = "%4s  %5s  %-8s  %-12s  %-22s  %-34s  %s%n";

  private RankedTable() {}

  static void print(PrintStream out, List<Score> scores, int top) {
    if (scores.isEmpty() || top == 0) {
      return;
    }
    out.printf(ROW, "#", "score", "severity", "action", "credential", "identity", "main reason");
    int shown = Math.min(top, scores.size());
    for (int i = 0; i < shown; i++) {
      Score s = scores.get(i);
      out.printf(
          ROW,
          i + 1,
          s.score(),
          s.severity().name().toLowerCase(java.util.Locale.ROOT),
          s.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          fit(Mask.credential(s.credential()), 22),
          fit(shortIdentity(s.identity()), 34),
          fit(mainReason(s), 70));
    }
    if (scores.size() > shown) {
      out.printf("      ... and %d more in scores.jsonl%n", scores.size() - shown);
    }
  }

  private static String mainReason(Score score) {
    List<FactorResult> factors = score.factors();
    return factors.isEmpty() ? "-" : factors.get(0).evidence();
  }

  /** ARNs are long and mostly prefix; the resource part tells principals apart. */
  private static String shortIdentity(String identity) {
    if (identity == null) {
      return "-";
    }
    if (identity.startsWith("arn:")) {
      String[] parts = identity.split(":", 6);
      return parts.length == 6 ? parts[4] + ":" + parts[5] : identity;
    }
    return identity;
  }

  /** Cuts a value to a column, with an ellipsis; log values never contain a line break here. */
  private static String fit(String value, int width) {
    String flat = value == null ? "-" : value.replaceAll("\\s+", " ");
    return flat.length() <= width ? flat : flat.substring(0, width - 1) + "\u2026";
  }
}
