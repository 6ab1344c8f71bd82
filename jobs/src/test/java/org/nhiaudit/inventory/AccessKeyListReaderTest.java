package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.Json;

class AccessKeyListReaderTest {

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void readsTheCommandOutput() throws Exception {
    JsonNode root =
        json(
            """
            {'AccessKeyMetadata': [
              {'UserName': 'bot', 'AccessKeyId': 'AKIAEXAMPLEBOT00001', 'Status': 'Active',
               'CreateDate': '2021-05-01T10:00:05+00:00'},
              {'UserName': 'bot', 'AccessKeyId': 'AKIAEXAMPLEBOT00002', 'Status': 'Inactive',
               'CreateDate': '2021-06-01 00:00:00+00:00'}]}
            """);
    assertThat(AccessKeyListReader.accepts(root)).isTrue();

    var keys = AccessKeyListReader.read(root, "keys.json");

    assertThat(keys)
        .containsExactly(
            new AccessKeyMetadata(
                "bot",
                "AKIAEXAMPLEBOT00001",
                true,
                Instant.parse("2021-05-01T10:00:05Z"),
                "keys.json"),
            new AccessKeyMetadata(
                "bot",
                "AKIAEXAMPLEBOT00002",
                false,
                Instant.parse("2021-06-01T00:00:00Z"),
                "keys.json"));
  }

  @Test
  void acceptsArraysOfEntriesOrOfPages() throws Exception {
    JsonNode entries = json("[{'UserName': 'a', 'AccessKeyId': 'AKIA1', 'Status': 'Active'}]");
    JsonNode pages =
        json(
            "[{'AccessKeyMetadata': [{'UserName': 'a', 'AccessKeyId': 'AKIA1'}]},"
                + " {'AccessKeyMetadata': [{'UserName': 'b', 'AccessKeyId': 'AKIA2'}]}]");

    assertThat(AccessKeyListReader.accepts(entries)).isTrue();
    assertThat(AccessKeyListReader.read(entries, "f"))
        .extracting(AccessKeyMetadata::userName)
        .containsExactly("a");
    assertThat(AccessKeyListReader.read(pages, "f"))
        .extracting(AccessKeyMetadata::accessKeyId)
        .containsExactly("AKIA1", "AKIA2");
    assertThat(AccessKeyListReader.accepts(json("[{'eventName': 'x'}]"))).isFalse();
  }

  @Test
  void badEntriesNameTheField() throws Exception {
    JsonNode noId = json("{'AccessKeyMetadata': [{'UserName': 'a'}]}");
    assertThatThrownBy(() -> AccessKeyListReader.read(noId, "keys.json"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("keys.json")
        .hasMessageContaining("AccessKeyMetadata[0]")
        .hasMessageContaining("AccessKeyId");

    JsonNode badStatus =
        json("{'AccessKeyMetadata': [{'UserName': 'a', 'AccessKeyId': 'K', 'Status': 'Gone'}]}");
    assertThatThrownBy(() -> AccessKeyListReader.read(badStatus, "keys.json"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("Status");
  }
}
