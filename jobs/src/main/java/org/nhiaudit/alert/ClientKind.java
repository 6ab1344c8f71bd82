package org.nhiaudit.alert;

import org.nhiaudit.risk.BrowserAgents;

/** What sort of client made a call, as far as its user agent tells. */
public enum ClientKind {
  /** A browser or a web console: a person at the keyboard. */
  BROWSER,
  /** An SDK, a command-line tool or any other program. */
  PROGRAM,
  /** No user agent was logged. */
  NONE;

  public static ClientKind of(String userAgent, BrowserAgents browsers) {
    if (userAgent == null || userAgent.isBlank()) {
      return NONE;
    }
    return browsers.isBrowser(userAgent) ? BROWSER : PROGRAM;
  }
}
