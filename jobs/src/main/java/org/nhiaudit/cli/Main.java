package org.nhiaudit.cli;

import org.nhiaudit.job.BatchJob;
import org.nhiaudit.run.ToolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nhi-audit} command line: one sub-command per job. */
@Command(
    name = "nhi-audit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Finds the risky machine credentials in audit logs and inventories.",
    subcommands = {
      BatchCommand.class,
      StreamCommand.class,
      ReportCommand.class,
      SqlCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (BatchCommand.isRun(args)) {
      // Flink's embedded cluster takes about a second to start; parsing and checking the command
      // line, reading the configuration and setting up logging take a quarter of that.
      BatchJob.startClusterAhead();
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code instead of exiting. */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(new Errors())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {ToolVersion.NAME + " " + ToolVersion.version()};
    }
  }

  /**
   * Turns the failures a user can act on (bad input, bad configuration) into one clear line and
   * exit code 2; anything else is a fault of the tool and keeps its stack trace.
   */
  static final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      if (e instanceof UserError || e instanceof java.io.IOException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return 2;
      }
      commandLine.getErr().println("error: unexpected failure: " + e);
      e.printStackTrace(commandLine.getErr());
      return 1;
    }
  }
}
