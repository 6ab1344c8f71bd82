package org.nhiaudit.report.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nhiaudit.run.RunSummary;

/** Turns a run summary into the evidence section. */
public final class EvidenceBuilder {

  private EvidenceBuilder() {}

  public static EvidenceView build(RunSummary run) {
    RunSummary.Totals t = run.totals();
    List<CountRow> totals =
        t == null
            ? List.of()
            : List.of(
                new CountRow("Records read", t.read()),
                new CountRow("Parsed", t.parsed()),
                new CountRow("Rejected", t.rejected()),
                new CountRow("Filtered", t.filtered()),
                new CountRow("Non-human", t.nonHuman()),
                new CountRow("Human", t.human()),
                new CountRow("Service", t.service()));
    return new EvidenceView(
        run.tool() == null ? "unknown" : run.tool().name() + " " + run.tool().version(),
        Texts.dateTime(run.asOf(), "unknown"),
        run.asOfSource() == null ? "" : run.asOfSource(),
        Texts.dateTime(run.periodStart(), "no events")
            + " to "
            + Texts.dateTime(run.periodEnd(), "no events"),
        totals,
        t != null && t.balanced(),
        run.inputs(),
        run.inventory(),
        run.credentials(),
        run.deadLetters(),
        run.notEvaluated(),
        settings(run.config()));
  }

  /** Flattens nested configuration into dotted keys, sorted, so every setting is one row. */
  private static List<EvidenceView.Setting> settings(Map<String, Object> config) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", config, flat);
    List<EvidenceView.Setting> out = new ArrayList<>();
    flat.forEach((k, v) -> out.add(new EvidenceView.Setting(k, v)));
    return out;
  }

  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(prefix.isEmpty() ? k + "" : prefix + "." + k, v, out));
    } else {
      out.put(prefix, String.valueOf(value));
    }
  }
}
