package org.nhiaudit.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build of the tool carries, from a resource Maven fills in at build time. */
public final class ToolVersion {

  public static final String NAME = "nhi-audit";

  private ToolVersion() {}

  public static String version() {
    try (InputStream in =
        ToolVersion.class.getResourceAsStream("/org/nhiaudit/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  public static RunSummary.Tool tool() {
    return new RunSummary.Tool(NAME, version());
  }
}
