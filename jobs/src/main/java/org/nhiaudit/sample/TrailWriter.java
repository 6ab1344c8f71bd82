package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.nhiaudit.ingest.Json;

/**
 * Writes records as CloudTrail's S3 delivery objects: one gzip file of {@code {"Records":[...]}}
 * per account, region and five-minute window, under {@code AWSLogs/<account>/CloudTrail/...}.
 */
final class TrailWriter {

  private static final long WINDOW_SECONDS = 300;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_PATH =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final Path root;
  private final Ids ids;
  private int objects;
  private long records;

  TrailWriter(Path root, Ids ids) {
    this.root = root;
    this.ids = ids;
  }

  /** One emitted record and where it is delivered. */
  record Emitted(String account, String region, Instant time, long sequence, ObjectNode record) {}

  private record Delivery(long window, String account, String region) {}

  /** Writes a batch of records, grouped into delivery objects in time order. */
  void write(List<Emitted> batch) throws IOException {
    Map<Delivery, List<Emitted>> groups = new TreeMap<>(deliveryOrder());
    for (Emitted emitted : batch) {
      long window = Math.floorDiv(emitted.time().getEpochSecond(), WINDOW_SECONDS);
      Delivery key = new Delivery(window, emitted.account(), emitted.region());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(emitted);
    }
    for (Map.Entry<Delivery, List<Emitted>> group : groups.entrySet()) {
      List<Emitted> members = new ArrayList<>(group.getValue());
      members.sort(Comparator.comparing(Emitted::time).thenComparing(Emitted::sequence));
      byte[] json = document(members.stream().map(Emitted::record).toList());
      Files.write(objectPath(group.getKey()), gzip(json));
      objects++;
      records += members.size();
    }
  }

  /**
   * Writes one object whose JSON stops in the middle of its last record, as a delivery cut short
   * would. The gzip stream itself is whole, so readers see the damage as malformed JSON.
   */
  Path writeDamaged(String account, String region, List<ObjectNode> members) throws IOException {
    byte[] json = document(members);
    byte[] last = Json.MAPPER.writeValueAsBytes(members.get(members.size() - 1));
    int cut = json.length - 2 - last.length / 2;
    byte[] truncated = java.util.Arrays.copyOf(json, cut);
    Instant first = Instant.parse(members.get(0).path("eventTime").asText());
    long window = Math.floorDiv(first.getEpochSecond(), WINDOW_SECONDS);
    Path path = objectPath(new Delivery(window, account, region));
    Files.write(path, gzip(truncated));
    objects++;
    return path;
  }

  int objects() {
    return objects;
  }

  long records() {
    return records;
  }

  private Path objectPath(Delivery delivery) throws IOException {
    Instant delivered = Instant.ofEpochSecond((delivery.window() + 1) * WINDOW_SECONDS);
    Path folder =
        root.resolve("AWSLogs")
            .resolve(delivery.account())
            .resolve("CloudTrail")
            .resolve(delivery.region())
            .resolve(DAY_PATH.format(delivered));
    Files.createDirectories(folder);
    String name =
        delivery.account()
            + "_CloudTrail_"
            + delivery.region()
            + "_"
            + STAMP.format(delivered)
            + "_"
            + ids.objectSuffix()
            + ".json.gz";
    return folder.resolve(name);
  }

  private static byte[] document(List<ObjectNode> members) throws IOException {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    ArrayNode array = document.putArray("Records");
    members.forEach(array::add);
    return Json.MAPPER.writeValueAsBytes(document);
  }

  /**
   * Gzip with a fixed header: no modification time and "unknown" as the operating system, so the
   * bytes do not depend on when or where the generator ran.
   */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] result = bytes.toByteArray();
    for (int i = 4; i < 8; i++) {
      result[i] = 0;
    }
    result[9] = (byte) 0xff;
    return result;
  }

  private static Comparator<Delivery> deliveryOrder() {
    return Comparator.comparingLong(Delivery::window)
        .thenComparing(Delivery::account)
        .thenComparing(Delivery::region);
  }
}
