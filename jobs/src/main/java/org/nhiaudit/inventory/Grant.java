package org.nhiaudit.inventory;

import java.io.Serializable;

/**
 * One permission statement as granted, kept as a pattern: {@code s3:GetObject}, {@code s3:*},
 * {@code *}, or a provider's scope such as {@code repo} or {@code roles/editor}.
 *
 * @param effect allow or deny
 * @param action the action pattern; {@code *} and {@code ?} are wildcards
 * @param notAction true when the statement grants everything except {@code action}
 * @param source where it came from, e.g. the policy name, for evidence
 */
public record Grant(Effect effect, String action, boolean notAction, String source)
    implements Serializable {

  public enum Effect {
    ALLOW,
    DENY
  }
}
