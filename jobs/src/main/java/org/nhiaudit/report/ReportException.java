package org.nhiaudit.report;

/**
 * The one failure of the report step. Its message names what went wrong in words an operator can
 * act on: the missing run directory, the file that could not be read, the template that failed.
 */
public final class ReportException extends RuntimeException {

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
