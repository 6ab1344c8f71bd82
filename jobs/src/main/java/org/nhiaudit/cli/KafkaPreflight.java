package org.nhiaudit.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.nhiaudit.job.StreamSettings;

/**
 * Checks, before a job is submitted, that the brokers answer and that every topic exists, so that a
 * wrong address or name is one line and exit code 2 rather than a job that retries forever.
 */
public final class KafkaPreflight {

  private KafkaPreflight() {}

  /**
   * Asks the cluster for the topics within {@code timeout}.
   *
   * @throws UserError when the brokers do not answer in time, a topic does not exist, or the
   *     cluster refuses the request (for example for lack of authorisation)
   */
  public static void check(StreamSettings.Kafka kafka, Duration timeout) {
    Properties props = kafka.clientProperties();
    int millis = (int) timeout.toMillis();
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    try (Admin admin = Admin.create(props)) {
      Map<String, KafkaFuture<TopicDescription>> topics =
          admin.describeTopics(kafka.topics()).topicNameValues();
      List<String> missing = new ArrayList<>();
      for (Map.Entry<String, KafkaFuture<TopicDescription>> e : topics.entrySet()) {
        if (!exists(e.getValue(), kafka, timeout)) {
          missing.add(e.getKey());
        }
      }
      if (!missing.isEmpty()) {
        throw new UserError(
            "--topic: no such topic on " + kafka.bootstrap() + ": " + String.join(", ", missing));
      }
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new UserError("--kafka " + kafka.bootstrap() + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(
      KafkaFuture<TopicDescription> topic, StreamSettings.Kafka kafka, Duration timeout) {
    try {
      topic.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw unreachable(kafka, timeout);
      }
      throw new UserError("--kafka " + kafka.bootstrap() + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw unreachable(kafka, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("--kafka: interrupted while checking the topics", e);
    }
  }

  private static UserError unreachable(StreamSettings.Kafka kafka, Duration timeout) {
    return new UserError(
        "--kafka: no broker at "
            + kafka.bootstrap()
            + " answered within "
            + timeout.toSeconds()
            + "s; check the address and any --kafka-property security settings");
  }
}
