package org.nhiaudit.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The accounting of one input file. {@code read = parsed + rejected + filtered} and {@code parsed =
 * nonHuman + human + service} hold for every instance that {@link LogFileReader} produces.
 *
 * @param path the file as named on input
 * @param sha256 hex SHA-256 of the file's bytes as stored (before any decompression)
 * @param bytes the stored size
 * @param formats the formats whose parsers accepted records of this file
 * @param firstEvent the earliest time of a parsed event, or null when none was parsed
 * @param lastEvent the latest time of a parsed event, or null when none was parsed
 */
public record FileSummary(
    String path,
    String sha256,
    long bytes,
    List<String> formats,
    Instant firstEvent,
    Instant lastEvent,
    long read,
    long parsed,
    long rejected,
    long filtered,
    long nonHuman,
    long human,
    long service)
    implements Serializable {

  public FileSummary {
    formats = List.copyOf(formats);
  }
}
