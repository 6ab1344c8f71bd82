package org.nhiaudit.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nhiaudit.model.CredentialKind;

/**
 * Reads the generic inventory format, for credentials of any provider: YAML with a top-level {@code
 * credentials:} list, or CSV with a header row of the same names. Column and key names are compared
 * without case; unknown ones are ignored. The format is specified in {@code
 * docs/inventory-format.md}.
 */
public final class GenericInventoryReader {

  /** The column names of the format, lower case. */
  static final Set<String> COLUMNS =
      Set.of(
          "id",
          "kind",
          "provider",
          "identity",
          "owner",
          "team",
          "environment",
          "created",
          "last_rotated",
          "expires",
          "last_used",
          "active",
          "scopes",
          "description");

  private static final YAMLMapper YAML = new YAMLMapper();

  private GenericInventoryReader() {}

  /** True when a CSV header (its first line) names {@code id} and at least one other column. */
  static boolean isCsvHeader(String firstLine) {
    List<String> names =
        Arrays.stream(firstLine.split(","))
            .map(name -> name.trim().replace("\"", "").toLowerCase(Locale.ROOT))
            .toList();
    return names.contains("id") && names.stream().filter(COLUMNS::contains).count() > 1;
  }

  /** Reads a YAML file whose top level holds {@code credentials:}. */
  public static List<InventoryRow> readYaml(String text, String file) {
    List<InventoryRow> rows = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(new StringReader(text))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InventoryException(file, "line 1", null, "expected a mapping at the top level");
      }
      boolean found = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        if (key.equalsIgnoreCase("credentials")) {
          found = true;
          readYamlList(parser, file, rows);
        } else {
          parser.skipChildren();
        }
      }
      if (!found) {
        throw new InventoryException(file, null, "credentials", "top-level key missing");
      }
      return rows;
    } catch (IOException e) {
      throw new InventoryException(file, null, null, "not valid YAML: " + e.getMessage(), e);
    }
  }

  private static void readYamlList(JsonParser parser, String file, List<InventoryRow> rows)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      String at = "line " + parser.currentTokenLocation().getLineNr();
      throw new InventoryException(file, at, "credentials", "expected a list of entries");
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String at = "line " + parser.currentTokenLocation().getLineNr();
      JsonNode entry = parser.readValueAsTree();
      if (entry == null || !entry.isObject()) {
        throw new InventoryException(file, at, null, "expected a mapping of fields");
      }
      rows.add(row(yamlFields(entry), file, at));
    }
  }

  private static Map<String, Object> yamlFields(JsonNode entry) {
    Map<String, Object> fields = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      Object plain;
      if (value.isArray()) {
        // Scalars become text; a nested mapping or list is kept as it is, so that the field's
        // reader can reject it by name instead of it turning silently into empty text.
        List<Object> items = new ArrayList<>();
        value.forEach(item -> items.add(item.isValueNode() ? item.asText() : item));
        plain = items;
      } else if (value.isNull()) {
        plain = null;
      } else if (value.isObject()) {
        plain = value;
      } else {
        plain = value.asText();
      }
      fields.putIfAbsent(field.getKey().trim().toLowerCase(Locale.ROOT), plain);
    }
    return fields;
  }

  /** Reads a CSV file whose header names the format's columns. */
  public static List<InventoryRow> readCsv(String text, String file) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();
    String content = CredentialReportReader.stripBom(text);
    try (CSVParser csv = CSVParser.parse(new StringReader(content), format)) {
      CsvRow.Columns columns = CsvRow.Columns.of(csv.getHeaderNames(), file, List.of("id"));
      List<InventoryRow> rows = new ArrayList<>();
      for (CSVRecord record : csv) {
        CsvRow row = new CsvRow(record, columns, file);
        Map<String, Object> fields = new HashMap<>();
        for (String column : COLUMNS) {
          fields.put(column, columns.get(record, column));
        }
        rows.add(row(fields, file, row.location()));
      }
      return rows;
    } catch (IOException | IllegalStateException e) {
      throw new InventoryException(file, null, null, "not valid CSV: " + e.getMessage(), e);
    }
  }

  private static InventoryRow row(Map<String, Object> fields, String file, String at) {
    Values values = new Values(fields, file, at);
    String id = values.text("id");
    if (id == null) {
      throw new InventoryException(file, at, "id", "missing or empty");
    }
    return new InventoryRow(
        id,
        values.kind(),
        lower(values.text("provider")),
        values.text("identity"),
        values.text("owner"),
        values.text("team"),
        values.text("environment"),
        values.instant("created"),
        values.instant("last_rotated"),
        values.instant("expires"),
        values.instant("last_used"),
        values.flag("active"),
        values.scopes(),
        values.text("description"),
        file,
        at);
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  /** The fields of one entry, read into types with errors that name the field. */
  private record Values(Map<String, Object> fields, String file, String at) {

    String text(String name) {
      Object value = fields.get(name);
      if (value instanceof List<?> list) {
        throw new InventoryException(file, at, name, "expected one value, found a list " + list);
      }
      if (value instanceof JsonNode mapping) {
        throw new InventoryException(file, at, name, "expected one value, found " + mapping);
      }
      return InventoryValues.text((String) value);
    }

    Instant instant(String name) {
      try {
        return InventoryValues.instant(text(name));
      } catch (IllegalArgumentException e) {
        throw new InventoryException(file, at, name, e.getMessage(), e);
      }
    }

    Boolean flag(String name) {
      try {
        return InventoryValues.flag(text(name));
      } catch (IllegalArgumentException e) {
        throw new InventoryException(file, at, name, e.getMessage(), e);
      }
    }

    CredentialKind kind() {
      String kind = text("kind");
      if (kind == null) {
        return null;
      }
      String name = kind.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      try {
        CredentialKind parsed = CredentialKind.valueOf(name);
        if (parsed != CredentialKind.UNKNOWN) {
          return parsed;
        }
      } catch (IllegalArgumentException e) {
        // falls through to the error below, which lists the accepted words
      }
      throw new InventoryException(
          file,
          at,
          "kind",
          "unknown kind '"
              + kind
              + "'; expected access_key, role, session, service_account, token, app,"
              + " certificate or root");
    }

    List<String> scopes() {
      Object value = fields.get("scopes");
      List<String> parts = new ArrayList<>();
      if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof JsonNode) {
            throw new InventoryException(
                file, at, "scopes", "each scope must be one text value, found " + item);
          }
          parts.add(String.valueOf(item));
        }
      } else if (value instanceof JsonNode mapping) {
        throw new InventoryException(
            file, at, "scopes", "each scope must be one text value, found " + mapping);
      } else if (value != null) {
        parts.addAll(Arrays.asList(((String) value).split(";")));
      }
      return parts.stream().map(String::trim).filter(scope -> !scope.isEmpty()).toList();
    }
  }
}
