package org.nhiaudit.alert.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.nhiaudit.alert.AlertConfig;
import org.nhiaudit.alert.AlertRule;
import org.nhiaudit.alert.CredentialHistory;
import org.nhiaudit.alert.EventRef;
import org.nhiaudit.alert.Finding;
import org.nhiaudit.model.AccessEvent;

/**
 * An identity-changing or persistence call (new keys or users, attached policies, changed trust,
 * logging switched off) by a non-human identity. A denied attempt alerts too: trying is the signal.
 */
public final class PersistenceCall implements AlertRule {

  public static final String ID = "persistence-call";

  private final AlertConfig.Persistence settings;
  private final List<Pattern> patterns;

  public PersistenceCall(AlertConfig.Persistence settings) {
    this.settings = settings;
    this.patterns = settings.actions().stream().map(PersistenceCall::glob).toList();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Finding check(AccessEvent event, CredentialHistory before) {
    String action = event.action();
    if (action == null || patterns.stream().noneMatch(p -> p.matcher(action).matches())) {
      return null;
    }
    String evidence =
        "a non-human identity called "
            + action
            + " ("
            + event.outcome().name().toLowerCase(Locale.ROOT)
            + ") from "
            + event.sourceAddress()
            + ": it changes identities, permissions or logging";
    return new Finding(settings.severity(), evidence, List.of(EventRef.of(event)));
  }

  /** A case-insensitive pattern where {@code *} is any run of characters and all else literal. */
  static Pattern glob(String text) {
    StringBuilder regex = new StringBuilder();
    for (String part : text.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }
}
