package org.nhiaudit.job;

import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FileSystem;
import org.nhiaudit.ingest.IngestItem;
import org.nhiaudit.ingest.LogFileReader;
import org.nhiaudit.ingest.ParserRegistry;

/**
 * Adapts {@link LogFileReader} to Flink's file source. Each file is one split, read whole: the
 * containers audit logs come in (gzip, one JSON document) cannot be cut at byte offsets.
 *
 * <p>The file is opened through Flink's {@link FileSystem}, so any scheme Flink has a plugin for
 * (local, S3, HDFS) works, and the reader sees the stored bytes: decompression happens inside
 * {@link LogFileReader}, after the SHA-256 of the stored file is taken.
 *
 * <p>Position is a count of items already emitted. A restored reader reads the file again from the
 * start and skips that many items; the reader is deterministic, so nothing is emitted twice.
 */
public final class AuditLogFormat implements BulkFormat<IngestItem, FileSourceSplit> {

  private static final int BATCH = 512;

  private final ParserRegistry registry;

  public AuditLogFormat(ParserRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Reader<IngestItem> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new ItemReader(split, registry, 0);
  }

  @Override
  public Reader<IngestItem> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long skip =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return new ItemReader(split, registry, skip);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<IngestItem> getProducedType() {
    return TypeInformation.of(IngestItem.class);
  }

  private static final class ItemReader implements Reader<IngestItem> {
    private final LogFileReader reader;
    private long emitted;

    ItemReader(FileSourceSplit split, ParserRegistry registry, long skip) throws IOException {
      org.apache.flink.core.fs.Path path = split.path();
      InputStream in = path.getFileSystem().open(path);
      this.reader = LogFileReader.open(displayPath(path), in, registry);
      for (long i = 0; i < skip && reader.next() != null; i++) {
        emitted++;
      }
    }

    @Override
    public RecordIterator<IngestItem> readBatch() throws IOException {
      IngestItem[] batch = new IngestItem[BATCH];
      int n = 0;
      IngestItem item;
      while (n < BATCH && (item = reader.next()) != null) {
        batch[n++] = item;
      }
      if (n == 0) {
        return null;
      }
      ArrayResultIterator<IngestItem> iterator = new ArrayResultIterator<>();
      iterator.set(batch, n, CheckpointedPosition.NO_OFFSET, emitted);
      emitted += n;
      return iterator;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** Local files are named by their plain path, other file systems by their URI. */
  static String displayPath(org.apache.flink.core.fs.Path path) {
    String scheme = path.toUri().getScheme();
    return scheme == null || "file".equals(scheme) ? path.toUri().getPath() : path.toString();
  }
}
