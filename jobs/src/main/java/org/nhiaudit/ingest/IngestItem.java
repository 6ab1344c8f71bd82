package org.nhiaudit.ingest;

import java.io.Serializable;
import org.nhiaudit.model.AccessEvent;

/**
 * What reading a file yields, in order: events and rejections as they are met, then exactly one
 * {@link FileSummary}. Filtered records are only counted, so they have no item.
 */
public sealed interface IngestItem extends Serializable {

  record Event(AccessEvent event) implements IngestItem {}

  record Reject(Rejection rejection) implements IngestItem {}

  record Summary(FileSummary summary) implements IngestItem {}
}
