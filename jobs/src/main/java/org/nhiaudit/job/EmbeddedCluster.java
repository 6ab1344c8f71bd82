package org.nhiaudit.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The local Flink cluster a bounded run uses when it is started with a plain {@code java} command,
 * started ahead of the job. Starting a mini cluster (its RPC system, blob server, task manager and
 * dispatcher) takes about a second, and Flink would only begin once the job is submitted; here it
 * begins as soon as the run knows it will need one, so that it comes up while the driver reads its
 * configuration, lists the log files and builds the job graph.
 *
 * <p>The cluster is the one Flink's own local executor would start for the job (one task manager, a
 * slot per unit of parallelism, shared RPC service) and is handed to that executor, which submits
 * the job to it and shuts it down when the job ends. When the job needs more slots than were
 * started, or when the run is submitted to a real cluster, Flink's usual path is taken instead.
 */
public final class EmbeddedCluster implements AutoCloseable {

  private final Configuration config;
  private final int slots;
  private final Early cluster;
  private boolean taken;

  private EmbeddedCluster(Configuration config, int slots) {
    this.config = config;
    this.slots = slots;
    this.cluster = new Early(clusterConfiguration(config, slots));
    cluster.startInBackground();
  }

  /**
   * Starts a local cluster in the background when {@code config} would run locally; returns null
   * when the program was submitted to a cluster, which then provides the environment.
   *
   * @param parallelism the run's parallelism, or 0 for one slot per core
   */
  public static EmbeddedCluster startIfLocal(Configuration config, int parallelism) {
    if (!isLocal(config)) {
      return null;
    }
    int slots = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
    return new EmbeddedCluster(new Configuration(config), slots);
  }

  /** Whether a program started with {@code config} runs on a local mini cluster. */
  static boolean isLocal(Configuration config) {
    StreamExecutionEnvironment probe = StreamExecutionEnvironment.getExecutionEnvironment(config);
    return LocalExecutor.NAME.equals(probe.getConfiguration().get(DeploymentOptions.TARGET));
  }

  /**
   * A local environment whose first job runs on this cluster; later jobs, or a job wanting more
   * slots, get a mini cluster of their own as with Flink's local environment.
   */
  public StreamExecutionEnvironment environment() {
    Configuration local = new Configuration(config);
    local.set(DeploymentOptions.TARGET, LocalExecutor.NAME);
    local.set(DeploymentOptions.ATTACHED, true);
    local.set(CoreOptions.DEFAULT_PARALLELISM, slots);
    return new StreamExecutionEnvironment(
        new Executors(), local, Thread.currentThread().getContextClassLoader());
  }

  /** Shuts the cluster down if no job took it. */
  @Override
  public synchronized void close() {
    if (!taken) {
      taken = true;
      cluster.closeAsync();
    }
  }

  /** Whether a job has taken the cluster (or {@link #close} has stopped it). */
  synchronized boolean taken() {
    return taken;
  }

  private synchronized MiniCluster take(MiniClusterConfiguration wanted) {
    int wantedSlots = wanted.getConfiguration().get(TaskManagerOptions.NUM_TASK_SLOTS);
    if (taken || wantedSlots > slots || wanted.getNumTaskManagers() != 1) {
      return new MiniCluster(wanted);
    }
    taken = true;
    return cluster;
  }

  /** What Flink's per-job mini cluster factory would configure for a job of this parallelism. */
  private static MiniClusterConfiguration clusterConfiguration(Configuration config, int slots) {
    Configuration cluster = new Configuration(config);
    if (!cluster.contains(RestOptions.BIND_PORT)) {
      cluster.set(RestOptions.BIND_PORT, "0");
    }
    cluster.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
    return new MiniClusterConfiguration.Builder()
        .setConfiguration(cluster)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(slots)
        .setRpcServiceSharing(RpcServiceSharing.SHARED)
        .build();
  }

  /** Hands the local executor this cluster instead of a new one. */
  private final class Executors implements PipelineExecutorServiceLoader, PipelineExecutorFactory {

    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
      return this;
    }

    @Override
    public Stream<String> getExecutorNames() {
      return Stream.of(LocalExecutor.NAME);
    }

    @Override
    public String getName() {
      return LocalExecutor.NAME;
    }

    @Override
    public boolean isCompatibleWith(Configuration configuration) {
      return LocalExecutor.NAME.equals(configuration.get(DeploymentOptions.TARGET));
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
      return LocalExecutor.createWithFactory(configuration, EmbeddedCluster.this::take);
    }
  }

  /**
   * A mini cluster whose start began on another thread; the executor's call to {@link #start()}
   * waits for it and reports its failure.
   */
  private static final class Early extends MiniCluster {

    private final CompletableFuture<Void> started = new CompletableFuture<>();

    Early(MiniClusterConfiguration configuration) {
      super(configuration);
    }

    void startInBackground() {
      Thread starter =
          new Thread(
              () -> {
                try {
                  super.start();
                  started.complete(null);
                } catch (Throwable t) {
                  started.completeExceptionally(t);
                }
              },
              "nhi-audit cluster start");
      starter.setDaemon(true);
      starter.start();
    }

    @Override
    public void start() throws Exception {
      try {
        started.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
      // Closing while the start is still under way would race it; wait for the start first.
      return started.handle((ok, failure) -> null).thenCompose(done -> super.closeAsync());
    }
  }
}
