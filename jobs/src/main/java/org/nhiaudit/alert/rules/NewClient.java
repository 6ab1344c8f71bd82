package org.nhiaudit.alert.rules;

import java.util.List;
import org.nhiaudit.alert.AlertConfig;
import org.nhiaudit.alert.AlertRule;
import org.nhiaudit.alert.ClientKind;
import org.nhiaudit.alert.CredentialHistory;
import org.nhiaudit.alert.EventRef;
import org.nhiaudit.alert.Finding;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.risk.BrowserAgents;

/**
 * A browser or web console using a credential that until now only programs used: a person holding a
 * machine credential. The user agent is chosen by the client, so this catches the careless, not
 * someone who sets an SDK's agent on purpose.
 */
public final class NewClient implements AlertRule {

  public static final String ID = "new-client";

  private final AlertConfig config;
  private final AlertConfig.NewClient settings;
  private transient BrowserAgents browsers;

  public NewClient(AlertConfig config) {
    this.config = config;
    this.settings = config.newClient();
  }

  @Override
  public String id() {
    return ID;
  }

  /** The kind of client the history records for {@code event}. */
  public ClientKind kind(AccessEvent event) {
    if (browsers == null) {
      browsers = config.browserAgents();
    }
    return ClientKind.of(event.userAgent(), browsers);
  }

  @Override
  public Finding check(AccessEvent event, CredentialHistory before) {
    if (kind(event) != ClientKind.BROWSER
        || before.sawBrowser()
        || !before.sawProgram()
        || before.events() < settings.minEvents()) {
      return null;
    }
    String evidence =
        "called "
            + event.action()
            + " from a browser or web console (user agent \""
            + event.userAgent()
            + "\") after "
            + before.events()
            + " calls made only by programs such as \""
            + before.programAgent()
            + "\"";
    return new Finding(settings.severity(), evidence, List.of(EventRef.of(event)));
  }
}
