package org.nhiaudit.run;

import java.io.PrintStream;

/** Short progress lines for the person running the job: one per stage, then the result. */
public final class Progress {

  private final PrintStream out;
  private final int stages;
  private int stage;
  private long stageStart;

  public Progress(PrintStream out, int stages) {
    this.out = out;
    this.stages = stages;
  }

  /** Starts the next stage, e.g. "[2/5] loading inventory". */
  public void stage(String what) {
    stage++;
    stageStart = System.nanoTime();
    out.printf("[%d/%d] %s%n", stage, stages, what);
    out.flush();
  }

  /** Ends the current stage with a one-line result and how long it took. */
  public void done(String result) {
    long millis = (System.nanoTime() - stageStart) / 1_000_000;
    out.printf("      %s (%.1f s)%n", result, millis / 1000.0);
    out.flush();
  }

  public PrintStream out() {
    return out;
  }
}
