package org.nhiaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the bundled {@code sample-logs/}: under the folder named by the {@code nhiaudit.home}
 * system property (the launcher script sets it to the repository), else the working directory. Its
 * {@code inventory/} folder holds inventories; every other folder holds logs.
 */
final class SampleLogs {

  static final String INVENTORY = "inventory";

  private SampleLogs() {}

  static Path locate() {
    String home = System.getProperty("nhiaudit.home");
    Path base = home != null ? Path.of(home) : Path.of("");
    Path samples = base.resolve("sample-logs").toAbsolutePath().normalize();
    if (!Files.isDirectory(samples)) {
      throw new UserError(
          "no --logs given and the bundled samples were not found at "
              + samples
              + "; pass --logs and --inventory, or run from the repository");
    }
    return samples;
  }

  static List<String> logRoots(Path samples) {
    try (Stream<Path> children = Files.list(samples)) {
      return children
          .filter(Files::isDirectory)
          .filter(dir -> !dir.getFileName().toString().equals(INVENTORY))
          .map(Path::toString)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UserError("cannot list " + samples + ": " + e.getMessage(), e);
    }
  }

  static List<Path> inventoryRoots(Path samples) {
    Path inventory = samples.resolve(INVENTORY);
    return Files.isDirectory(inventory) ? List.of(inventory) : List.of();
  }
}
