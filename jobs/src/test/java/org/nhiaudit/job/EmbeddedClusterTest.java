package org.nhiaudit.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

class EmbeddedClusterTest {

  @Test
  void aTestRunIsLocal() {
    assertThat(EmbeddedCluster.isLocal(LogSources.batchConfiguration())).isTrue();
  }

  @Test
  void theFirstJobRunsOnTheClusterStartedAheadAndLaterOnesOnTheirOwn() throws Exception {
    try (EmbeddedCluster cluster = EmbeddedCluster.start(LogSources.batchConfiguration(), 2)) {
      assertThat(cluster.taken()).isFalse();

      assertThat(squares(cluster.environment())).containsExactlyInAnyOrder(1L, 4L, 9L, 16L);
      assertThat(cluster.taken()).isTrue();

      // The first job's cluster shut down with it; a second job gets a mini cluster of its own.
      assertThat(squares(cluster.environment())).containsExactlyInAnyOrder(1L, 4L, 9L, 16L);
    }
  }

  @Test
  void aJobWantingMoreSlotsThanWereStartedGetsItsOwnCluster() throws Exception {
    try (EmbeddedCluster cluster = EmbeddedCluster.start(LogSources.batchConfiguration(), 1)) {
      StreamExecutionEnvironment env = cluster.environment();
      env.setParallelism(3);
      assertThat(squares(env)).containsExactlyInAnyOrder(1L, 4L, 9L, 16L);
      assertThat(cluster.taken()).isFalse();
    }
  }

  @Test
  void anUnusedClusterIsStoppedOnClose() {
    EmbeddedCluster cluster = EmbeddedCluster.start(LogSources.batchConfiguration(), 1);
    cluster.close();
    assertThat(cluster.taken()).isTrue();
  }

  @Test
  void aRunTakesTheClusterStartedBeforeItsArgumentsWereParsed() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    EmbeddedCluster.startAhead(LogSources.batchConfiguration());
    EmbeddedCluster ahead = EmbeddedCluster.ahead();
    try (EmbeddedCluster run = EmbeddedCluster.start(LogSources.batchConfiguration(), 0)) {
      assertThat(run).isSameAs(ahead);
      assertThat(EmbeddedCluster.ahead()).isNull();
      assertThat(squares(run.environment())).containsExactlyInAnyOrder(1L, 4L, 9L, 16L);
      assertThat(run.taken()).isTrue();
    }

    // A run wanting fewer slots than there are cores fits in it too.
    EmbeddedCluster.startAhead(LogSources.batchConfiguration());
    ahead = EmbeddedCluster.ahead();
    try (EmbeddedCluster run = EmbeddedCluster.start(LogSources.batchConfiguration(), 1)) {
      assertThat(run).isSameAs(ahead);
    }

    // One wanting more starts its own and stops the one ahead.
    EmbeddedCluster.startAhead(LogSources.batchConfiguration());
    ahead = EmbeddedCluster.ahead();
    try (EmbeddedCluster run = EmbeddedCluster.start(LogSources.batchConfiguration(), cores + 1)) {
      assertThat(run).isNotSameAs(ahead);
      assertThat(ahead.taken()).as("stopped").isTrue();
      assertThat(EmbeddedCluster.ahead()).isNull();
    }
  }

  private static List<Long> squares(StreamExecutionEnvironment env) throws Exception {
    List<Long> out = new ArrayList<>();
    try (CloseableIterator<Long> results =
        env.fromData(1L, 2L, 3L, 4L)
            .rebalance()
            .map(x -> x * x)
            .returns(Types.LONG)
            .executeAndCollect("squares")) {
      results.forEachRemaining(out::add);
    }
    return out;
  }
}
