package org.nhiaudit.report.excel;

import java.util.function.Function;
import org.nhiaudit.ingest.FileSummary;

/** The columns of the input-file table of the accounting sheet. */
enum InputFileColumn implements Column<FileSummary> {
  PATH("Input file", 60, FileSummary::path),
  SHA256("SHA-256", 66, FileSummary::sha256),
  BYTES("Bytes", 12, FileSummary::bytes),
  FORMATS("Formats", 20, f -> String.join(", ", f.formats())),
  READ("Read", 10, FileSummary::read),
  PARSED("Parsed", 10, FileSummary::parsed),
  REJECTED("Rejected", 10, FileSummary::rejected),
  FILTERED("Filtered", 10, FileSummary::filtered),
  NON_HUMAN("Non-human", 10, FileSummary::nonHuman),
  HUMAN("Human", 10, FileSummary::human),
  SERVICE("Service", 10, FileSummary::service);

  private final String header;
  private final int maxWidth;
  private final Function<FileSummary, Object> value;

  InputFileColumn(String header, int maxWidth, Function<FileSummary, Object> value) {
    this.header = header;
    this.maxWidth = maxWidth;
    this.value = value;
  }

  @Override
  public String header() {
    return header;
  }

  @Override
  public int maxWidth() {
    return maxWidth;
  }

  @Override
  public Object value(FileSummary row) {
    return value.apply(row);
  }
}
