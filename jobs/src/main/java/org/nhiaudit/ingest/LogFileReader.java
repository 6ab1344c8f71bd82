package org.nhiaudit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.nhiaudit.model.Origin;

/**
 * Reads one audit-log file, plain or gzip, in whatever container it arrived: a JSON array, JSON
 * lines, a wrapper object such as CloudTrail's {@code {"Records":[...]}}, or concatenated
 * documents; or CSV with a header line (files named {@code .csv}, or whose first line is the
 * generic format's header), each row a record. Each record goes to the first parser that recognises
 * it.
 *
 * <p>Pull-based so that a Flink source, a test and a benchmark can drive it alike: {@link #next()}
 * yields events and rejections in file order and then one {@link IngestItem.Summary}, after which
 * it returns null. Memory is bounded by the largest single record (or single line), not the file.
 *
 * <p>A JSON record is built only as far as its parsers read it ({@link ParserRegistry#reads()}):
 * the values of other keys are tokenized, so that they are checked as JSON, but no tree is built
 * for them. The outcome is the same as for the whole record.
 *
 * <h2>Malformed input</h2>
 *
 * In JSON lines a bad line is rejected and reading goes on with the next line. Inside one JSON
 * document a syntax error leaves no safe place to resume, so the rest of the file becomes one
 * rejection that names the line where the error was found.
 */
public final class LogFileReader implements Closeable {

  /** Keys under which exports wrap an array of records in one object. */
  private static final Set<String> WRAPPER_KEYS =
      Set.of("Records", "records", "value", "items", "entries", "events", "logs");

  /**
   * The size of each stream buffer. A reader is opened for every file, and most audit files are a
   * few kilobytes compressed: bigger buffers cost more to allocate and clear for every small file
   * than they save in calls on a big one.
   */
  private static final int BUFFER = 16 * 1024;

  /** How far a first line may run before the file counts as one document, not JSON lines. */
  private static final int SNIFF_LIMIT = 4 << 20;

  private final String path;
  private final ParserRegistry registry;
  private final DigestInputStream digest;
  private final CountingInputStream stored;
  private final InputStream content;
  private final Deque<Raw> pending = new ArrayDeque<>();
  private final RecordCounts counts;

  /** Builds records without what no parser reads; null to build them whole. */
  private final PrunedTreeReader pruned;

  private Mode mode;
  private BufferedReader lines;
  private CsvRows csv;
  private long lineNumber;
  private JsonParser parser;
  private boolean insideWrapperArray;
  private long index;
  private boolean finished;
  private boolean summarised;

  private LogFileReader(String path, InputStream input, ParserRegistry registry, boolean prune)
      throws IOException {
    this.path = path;
    this.registry = registry;
    this.counts = new RecordCounts(registry);
    RecordKeys reads = registry.reads();
    this.pruned = prune && !reads.isAll() ? new PrunedTreeReader(reads, WRAPPER_KEYS) : null;
    this.stored = new CountingInputStream(input);
    this.digest = new DigestInputStream(stored, sha256());
    this.content = decompressed(new BufferedInputStream(digest, BUFFER));
  }

  /** Opens {@code input}, the stored bytes of the file named {@code path}. */
  public static LogFileReader open(String path, InputStream input, ParserRegistry registry)
      throws IOException {
    return new LogFileReader(path, input, registry, true);
  }

  /**
   * Like {@link #open(String, InputStream, ParserRegistry)}, but with {@code prune} false every
   * record is built whole, whatever its parsers read; the outcome must be the same either way.
   */
  static LogFileReader open(String path, InputStream input, ParserRegistry registry, boolean prune)
      throws IOException {
    return new LogFileReader(path, input, registry, prune);
  }

  /** The next event or rejection, then the file's summary, then null. */
  public IngestItem next() throws IOException {
    while (true) {
      if (summarised) {
        return null;
      }
      Raw raw = nextRaw();
      if (raw == null) {
        summarised = true;
        return new IngestItem.Summary(summary());
      }
      IngestItem item = handle(raw);
      if (item != null) {
        return item;
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
    content.close();
  }

  private IngestItem handle(Raw raw) {
    Origin origin = new Origin(path, raw.line, raw.index);
    return raw.node == null
        ? counts.unreadable(origin, raw.problem)
        : counts.take(raw.node, origin);
  }

  private Raw nextRaw() throws IOException {
    while (pending.isEmpty() && !finished) {
      if (mode == null) {
        mode = sniff();
      }
      switch (mode) {
        case LINES -> readLine();
        case DOCUMENT -> readDocumentValue();
        case CSV -> readCsvRow();
        case NOT_JSON -> finished = true;
        case EMPTY -> finished = true;
      }
    }
    if (finished && pending.isEmpty()) {
      drain();
      return null;
    }
    return pending.poll();
  }

  /**
   * Decides the container from the first bytes: a '[' is one document, a '{' is JSON lines when the
   * first line is a whole JSON value and one document otherwise.
   */
  private Mode sniff() throws IOException {
    content.mark(SNIFF_LIMIT + 16);
    int first = firstSignificant(content);
    if (first < 0) {
      return Mode.EMPTY;
    }
    if (first != '{' && first != '[' && isCsv()) {
      rewind();
      csv = new CsvRows(reader(content));
      return Mode.CSV;
    }
    if (first == '{' && opensWrapperArray()) {
      rewind();
      parser = documentParser();
      return Mode.DOCUMENT;
    }
    if (first == '{' && isCompleteJson(firstLine(content))) {
      rewind();
      lines = reader(content);
      return Mode.LINES;
    }
    rewind();
    if (first == '{' || first == '[') {
      parser = documentParser();
      return Mode.DOCUMENT;
    }
    byte[] head = content.readNBytes(24);
    String shown = new String(head, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    pending.add(Raw.malformed(0, 0, "not a JSON audit log: the file starts with '" + shown + "'"));
    return Mode.NOT_JSON;
  }

  /**
   * Back to the start of the content, for the one read through it that follows the sniffing. The
   * mark is let go at the next refill: kept, it would make the buffer grow, doubling and copying,
   * until it held everything read after it, up to the whole sniffing window.
   */
  private void rewind() throws IOException {
    content.reset();
    content.mark(0);
  }

  private JsonParser documentParser() throws IOException {
    JsonParser p = Json.MAPPER.createParser(content);
    // The parser would close the stream at end of input; drain() still has to hash the rest.
    p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return p;
  }

  /**
   * Whether the content opens with a wrapper key holding an array, as CloudTrail's S3 objects do
   * ({@code {"Records":[...}}). Such a file is read as one streamed document even when it is a
   * single line, which saves finding the end of that line and parsing it twice; a file of such
   * objects one per line is then read as concatenated documents, so a syntax error in a later one
   * ends the file instead of only its line. Leaves the stream to be reset to the mark.
   */
  private boolean opensWrapperArray() throws IOException {
    content.reset();
    try (JsonParser probe = Json.MAPPER.createParser(content)) {
      probe.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return probe.nextToken() == JsonToken.START_OBJECT
          && probe.nextToken() == JsonToken.FIELD_NAME
          && WRAPPER_KEYS.contains(probe.currentName())
          && probe.nextToken() == JsonToken.START_ARRAY;
    } catch (StreamReadException e) {
      return false;
    }
  }

  /** A CSV file by name, or by a first line that is the generic format's header. */
  private boolean isCsv() throws IOException {
    String name = path.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      return true;
    }
    boolean header = CsvRows.isGenericHeader(firstLine(content));
    content.reset();
    firstSignificant(content);
    return header;
  }

  private void readCsvRow() throws IOException {
    CsvRows.Row row;
    try {
      row = csv.next();
    } catch (IOException e) {
      pending.add(Raw.malformed(lineNumber, index++, "malformed CSV, rest of file unreadable"));
      finished = true;
      return;
    }
    if (row == null) {
      finished = true;
    } else if (row.node() == null) {
      pending.add(Raw.malformed(row.line(), index++, row.problem()));
    } else {
      pending.add(Raw.of(row.node(), row.line(), index++));
    }
    lineNumber = row == null ? lineNumber : row.line();
  }

  private void readLine() throws IOException {
    String line = lines.readLine();
    if (line == null) {
      finished = true;
      return;
    }
    lineNumber++;
    if (line.isBlank()) {
      return;
    }
    JsonNode node;
    try {
      node = pruned == null ? Json.MAPPER.readTree(line) : prunedLine(line);
    } catch (IOException e) {
      pending.add(Raw.malformed(lineNumber, index++, "malformed JSON line: " + brief(e)));
      return;
    }
    expand(node, lineNumber);
  }

  /** What {@code Json.MAPPER.readTree(line)} gives, without what no parser reads. */
  private JsonNode prunedLine(String line) throws IOException {
    try (JsonParser p = Json.MAPPER.createParser(line)) {
      return p.nextToken() == null ? Json.MAPPER.missingNode() : pruned.topLevel(p);
    }
  }

  private void readDocumentValue() throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (insideWrapperArray && token == JsonToken.END_ARRAY) {
        insideWrapperArray = false;
        parser.skipChildren();
        skipRestOfObject();
        return;
      }
      if (token == null) {
        finished = true;
        return;
      }
      long line = parser.currentTokenLocation().getLineNr();
      if (!insideWrapperArray && token == JsonToken.START_ARRAY) {
        insideWrapperArray = true;
        parser.nextToken();
        if (parser.currentToken() == JsonToken.END_ARRAY) {
          insideWrapperArray = false;
          return;
        }
        line = parser.currentTokenLocation().getLineNr();
        pending.add(Raw.of(record(), line, index++));
        return;
      }
      if (!insideWrapperArray && token == JsonToken.START_OBJECT && enterWrapper()) {
        return;
      }
      JsonNode node = insideWrapperArray ? record() : parser.readValueAsTree();
      if (insideWrapperArray) {
        pending.add(Raw.of(node, line, index++));
      } else {
        expand(node, line);
      }
    } catch (StreamReadException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      pending.add(
          Raw.malformed(line, index++, "malformed JSON, rest of file unreadable: " + brief(e)));
      finished = true;
    }
  }

  /**
   * At the start of a root object: when its first field is a wrapper key holding an array, stream
   * the array's elements instead of building the whole object in memory.
   */
  private boolean enterWrapper() throws IOException {
    if (parser.nextToken() != JsonToken.FIELD_NAME) {
      return false;
    }
    String key = parser.currentName();
    JsonToken value = parser.nextToken();
    if (WRAPPER_KEYS.contains(key) && value == JsonToken.START_ARRAY) {
      insideWrapperArray = true;
      return true;
    }
    // Not a streamed wrapper: rebuild the object from the first field on.
    JsonNode rest = readRestOfObject(key);
    expand(rest, parser.currentTokenLocation().getLineNr());
    return true;
  }

  /** The record at the parser's current token. */
  private JsonNode record() throws IOException {
    return pruned == null ? parser.readValueAsTree() : pruned.record(parser);
  }

  private JsonNode readRestOfObject(String firstKey) throws IOException {
    if (pruned != null) {
      return pruned.topLevelFrom(parser, firstKey);
    }
    var object = Json.MAPPER.createObjectNode();
    object.set(firstKey, parser.readValueAsTree());
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      object.set(key, parser.readValueAsTree());
    }
    return object;
  }

  private void skipRestOfObject() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      parser.nextToken();
      parser.skipChildren();
    }
  }

  /** A top-level value: an array or wrapper object of records, or a single record. */
  private void expand(JsonNode node, long line) {
    if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        pending.add(Raw.of(element, line, index++));
      }
      return;
    }
    if (node.isObject() && registry.find(node) == null) {
      for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (WRAPPER_KEYS.contains(key) && node.get(key).isArray()) {
          for (JsonNode element : node.get(key)) {
            pending.add(Raw.of(element, line, index++));
          }
          return;
        }
      }
    }
    pending.add(Raw.of(node, line, index++));
  }

  private FileSummary summary() {
    String sha256 = HexFormat.of().formatHex(digest.getMessageDigest().digest());
    return counts.summary(path, sha256, stored.count());
  }

  /** Reads whatever the container left unread, so the hash covers the whole stored file. */
  private void drain() throws IOException {
    if (digest.read() < 0) {
      return; // the usual case: the container ended with the file
    }
    byte[] buffer = new byte[BUFFER];
    while (digest.read(buffer) >= 0) {
      // only hashing
    }
  }

  private static InputStream decompressed(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
    }
    return in;
  }

  private static int firstSignificant(InputStream in) throws IOException {
    int c = in.read();
    if (c == 0xEF) { // UTF-8 byte order mark
      in.read();
      in.read();
      c = in.read();
    }
    while (c >= 0 && Character.isWhitespace(c)) {
      c = in.read();
    }
    return c;
  }

  /**
   * The first line, or null when none ends within the sniffing window. Reads in blocks and grows
   * its buffer as the line does, since most first lines are short and files are many.
   */
  private static String firstLine(InputStream in) throws IOException {
    in.reset();
    byte[] window = new byte[8192];
    int length = 0;
    while (length < SNIFF_LIMIT) {
      if (length == window.length) {
        window = java.util.Arrays.copyOf(window, Math.min(SNIFF_LIMIT, window.length * 2));
      }
      int n = in.read(window, length, window.length - length);
      if (n < 0) {
        return new String(window, 0, length, StandardCharsets.UTF_8);
      }
      for (int i = length; i < length + n; i++) {
        if (window[i] == '\n') {
          return new String(window, 0, i, StandardCharsets.UTF_8);
        }
      }
      length += n;
    }
    return null;
  }

  private static boolean isCompleteJson(String line) {
    if (line == null) {
      return false;
    }
    try (JsonParser probe = Json.MAPPER.createParser(line)) {
      probe.nextToken();
      probe.skipChildren();
      return probe.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER) {
      @Override
      public void close() {
        // the stream belongs to the file reader
      }
    };
  }

  private static String brief(IOException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int cut = message.indexOf('\n');
    return cut < 0 ? message : message.substring(0, cut);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private enum Mode {
    LINES,
    DOCUMENT,
    CSV,
    NOT_JSON,
    EMPTY
  }

  /** One record as found, before any parser saw it; {@code node} is null for unreadable text. */
  private record Raw(JsonNode node, long line, long index, String problem) {
    static Raw of(JsonNode node, long line, long index) {
      return new Raw(node, line, index, null);
    }

    static Raw malformed(long line, long index, String problem) {
      return new Raw(null, line, index, problem);
    }
  }
}
