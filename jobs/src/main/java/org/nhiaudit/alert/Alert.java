package org.nhiaudit.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.risk.Severity;

/**
 * One alert of the streaming job, written as a line of {@code alerts/}.
 *
 * @param id derived from the credential, rule and triggering record, so the same finding made again
 *     after a restore has the same id
 * @param time the event time of the triggering event
 * @param credential the credential as usage aggregates key it
 * @param rule the id of the {@link AlertRule} that fired
 * @param evidence why, in words
 * @param events the events that show it, the triggering one last
 */
public record Alert(
    String id,
    Instant time,
    String credential,
    String identity,
    String provider,
    String rule,
    Severity severity,
    String evidence,
    List<EventRef> events)
    implements java.io.Serializable {

  public Alert {
    events = List.copyOf(events);
  }

  /** The alert {@code rule} raises for {@code finding} about {@code event} of {@code key}. */
  public static Alert of(String key, AccessEvent event, String rule, Finding finding) {
    String origin = event.origin() == null ? "" : event.origin().describe();
    return new Alert(
        id(key + "\n" + rule + "\n" + event.time() + "\n" + origin),
        event.time(),
        key,
        event.identity(),
        event.provider(),
        rule,
        finding.severity(),
        finding.evidence(),
        finding.events());
  }

  private static String id(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
