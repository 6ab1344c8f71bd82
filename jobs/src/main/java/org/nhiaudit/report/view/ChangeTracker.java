package org.nhiaudit.report.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nhiaudit.model.Mask;
import org.nhiaudit.risk.Score;
import org.nhiaudit.risk.Severity;

/**
 * Compares this run's scores with an earlier run's, one score at a time, keyed by the full
 * credential id. Only the id, score and severity of the earlier run are held.
 */
public final class ChangeTracker {

  private static final int MOVERS = 10;

  private final String previousAsOf;
  private final Map<String, Earlier> earlier = new HashMap<>();
  private final Map<Severity, long[]> bands = new EnumMap<>(Severity.class);
  private final List<ChangeView.Mover> movers = new ArrayList<>();
  private long before;
  private long now;
  private long sumBefore;
  private long sumNow;
  private long appeared;
  private long up;
  private long down;

  private record Earlier(String identity, int score) {}

  public ChangeTracker(String previousAsOf) {
    this.previousAsOf = previousAsOf;
    for (Severity s : Severity.values()) {
      bands.put(s, new long[2]);
    }
  }

  /** Records one score of the earlier run; call for all of them before {@link #current}. */
  public void earlier(Score score) {
    earlier.put(score.credential(), new Earlier(score.identity(), score.score()));
    bands.get(score.severity())[0]++;
    before++;
    sumBefore += score.score();
  }

  /** Records one score of this run. */
  public void current(Score score) {
    bands.get(score.severity())[1]++;
    now++;
    sumNow += score.score();
    Earlier then = earlier.remove(score.credential());
    if (then == null) {
      appeared++;
      offer(score.credential(), score.identity(), null, score.score());
    } else if (then.score() != score.score()) {
      if (score.score() > then.score()) {
        up++;
      } else {
        down++;
      }
      offer(score.credential(), score.identity(), then.score(), score.score());
    }
  }

  /** The comparison; the earlier credentials never matched are the ones gone. */
  public ChangeView view() {
    earlier.forEach((id, e) -> offer(id, e.identity(), e.score(), null));
    trim();
    List<ChangeView.SeverityChange> severities = new ArrayList<>();
    bands.forEach((s, c) -> severities.add(new ChangeView.SeverityChange(s.name(), c[0], c[1])));
    return new ChangeView(
        previousAsOf,
        before,
        now,
        Texts.oneDecimal(before == 0 ? 0 : (double) sumBefore / before),
        Texts.oneDecimal(now == 0 ? 0 : (double) sumNow / now),
        appeared,
        earlier.size(),
        up,
        down,
        severities,
        movers);
  }

  /** Keeps the {@link #MOVERS} largest moves without holding every one. */
  private void offer(String id, String identity, Integer then, Integer current) {
    movers.add(new ChangeView.Mover(Mask.credential(id), identity, then, current));
    if (movers.size() > MOVERS * 4) {
      trim();
    }
  }

  private void trim() {
    movers.sort(Comparator.comparingInt(ChangeTracker::magnitude).reversed());
    if (movers.size() > MOVERS) {
      movers.subList(MOVERS, movers.size()).clear();
    }
  }

  private static int magnitude(ChangeView.Mover m) {
    int then = m.before() == null ? 0 : m.before();
    int current = m.now() == null ? 0 : m.now();
    return Math.abs(current - then);
  }
}
