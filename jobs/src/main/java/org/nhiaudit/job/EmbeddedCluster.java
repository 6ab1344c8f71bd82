package org.nhiaudit.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
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

  /** A cluster started by {@link #startAhead} that no run has asked for yet. */
  private static final AtomicReference<EmbeddedCluster> AHEAD = new AtomicReference<>();

  /** The cluster, or null when the program runs on a real cluster; decided in the background. */
  private final CompletableFuture<Early> cluster = new CompletableFuture<>();

  private boolean taken;

  private EmbeddedCluster(Configuration config, int slots) {
    this.config = config;
    this.slots = slots;
    Thread starter = new Thread(this::startIfLocal, "nhi-audit cluster start");
    starter.setDaemon(true);
    starter.start();
  }

  /**
   * Begins, on a thread of its own, to start a local cluster if {@code config} would run locally.
   * Whether it does is only known to {@link #environment}; nothing here waits.
   *
   * @param parallelism the run's parallelism, or 0 for one slot per core
   */
  public static EmbeddedCluster start(Configuration config, int parallelism) {
    int slots = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
    EmbeddedCluster ahead = AHEAD.getAndSet(null);
    if (ahead != null) {
      if (ahead.config.equals(config) && ahead.slots >= slots) {
        return ahead;
      }
      ahead.close();
    }
    return new EmbeddedCluster(new Configuration(config), slots);
  }

  /**
   * Begins to start, before the command line is even parsed, the cluster a run with {@code config}
   * and the default parallelism would start; the next {@link #start} with the same configuration
   * and no more slots takes it. For a process's entry point only: a cluster nobody takes runs until
   * the process exits.
   */
  public static void startAhead(Configuration config) {
    EmbeddedCluster ahead =
        new EmbeddedCluster(new Configuration(config), Runtime.getRuntime().availableProcessors());
    EmbeddedCluster replaced = AHEAD.getAndSet(ahead);
    if (replaced != null) {
      replaced.close();
    }
  }

  /** The cluster started ahead that no run has taken yet, or null. */
  static EmbeddedCluster ahead() {
    return AHEAD.get();
  }

  private void startIfLocal() {
    try {
      if (!isLocal(config)) {
        cluster.complete(null);
        return;
      }
      Early early = new Early(clusterConfiguration(config, slots));
      cluster.complete(early);
      early.startHere();
    } catch (Throwable t) {
      cluster.completeExceptionally(t);
    }
  }

  /** Whether a program started with {@code config} runs on a local mini cluster. */
  static boolean isLocal(Configuration config) {
    StreamExecutionEnvironment probe = StreamExecutionEnvironment.getExecutionEnvironment(config);
    return LocalExecutor.NAME.equals(probe.getConfiguration().get(DeploymentOptions.TARGET));
  }

  /**
   * A local environment whose first job runs on this cluster; later jobs, or a job wanting more
   * slots, get a mini cluster of their own as with Flink's local environment. Null when the program
   * was submitted to a cluster, which then provides the environment.
   */
  public StreamExecutionEnvironment environment() throws Exception {
    if (started() == null) {
      return null;
    }
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
      cluster.thenAccept(
          early -> {
            if (early != null) {
              early.closeAsync();
            }
          });
    }
  }

  /** Whether a job has taken the cluster (or {@link #close} has stopped it). */
  synchronized boolean taken() {
    return taken;
  }

  private Early started() throws Exception {
    try {
      return cluster.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private synchronized MiniCluster take(MiniClusterConfiguration wanted) {
    int wantedSlots = wanted.getConfiguration().get(TaskManagerOptions.NUM_TASK_SLOTS);
    Early early = cluster.isCompletedExceptionally() ? null : cluster.getNow(null);
    if (taken || early == null || wantedSlots > slots || wanted.getNumTaskManagers() != 1) {
      return new MiniCluster(wanted);
    }
    taken = true;
    return early;
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
   * A mini cluster started on another thread; the executor's call to {@link #start()} waits for
   * that start and reports its failure.
   */
  private static final class Early extends MiniCluster {

    private final CompletableFuture<Void> started = new CompletableFuture<>();

    Early(MiniClusterConfiguration configuration) {
      super(configuration);
    }

    /** Starts the cluster on the calling thread; {@link #start} waits for this. */
    void startHere() {
      try {
        super.start();
        started.complete(null);
      } catch (Throwable t) {
        started.completeExceptionally(t);
      }
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
