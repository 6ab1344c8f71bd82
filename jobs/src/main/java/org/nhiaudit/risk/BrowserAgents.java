package org.nhiaudit.risk;

import java.util.List;
import java.util.Locale;

/**
 * Tells user agents of browsers and web consoles from those of programs. An agent is a browser's
 * when it contains one of {@code markers} and none of {@code notBrowser}, ignoring case. This is a
 * heuristic over a value the client chooses: a program can claim to be a browser and the reverse.
 *
 * @param markers substrings that betray a browser or a console
 * @param notBrowser substrings that overrule the markers, e.g. the provider's own internal calls
 */
public record BrowserAgents(List<String> markers, List<String> notBrowser) {

  public BrowserAgents {
    markers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    notBrowser = notBrowser.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
  }

  /** True when {@code agent} looks like a browser or a web console; false for null. */
  public boolean isBrowser(String agent) {
    if (agent == null) {
      return false;
    }
    String lower = agent.toLowerCase(Locale.ROOT);
    return markers.stream().anyMatch(lower::contains)
        && notBrowser.stream().noneMatch(lower::contains);
  }

  static BrowserAgents read(ConfigReader r) {
    return new BrowserAgents(r.texts("markers"), r.texts("notBrowser"));
  }
}
