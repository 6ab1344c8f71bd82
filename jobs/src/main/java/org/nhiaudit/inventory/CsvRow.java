package org.nhiaudit.inventory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row of an inventory CSV, whose values turn into errors that name the file, the row
 * (counted from 1, header not counted) and the column.
 */
record CsvRow(CSVRecord record, CsvRow.Columns columns, String file) {

  String location() {
    return "data row " + record.getRecordNumber();
  }

  String text(String column) {
    return InventoryValues.text(columns.get(record, column));
  }

  String required(String column) {
    String value = text(column);
    if (value == null) {
      throw new InventoryException(file, location(), column, "missing or empty");
    }
    return value;
  }

  Instant instant(String column) {
    try {
      return InventoryValues.instant(columns.get(record, column));
    } catch (IllegalArgumentException e) {
      throw new InventoryException(file, location(), column, e.getMessage(), e);
    }
  }

  Boolean flag(String column) {
    try {
      return InventoryValues.flag(columns.get(record, column));
    } catch (IllegalArgumentException e) {
      throw new InventoryException(file, location(), column, e.getMessage(), e);
    }
  }

  /** Header names, found without regard to case. */
  record Columns(Map<String, Integer> index) {

    static Columns of(List<String> header, String file, List<String> required) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      for (String name : required) {
        if (!index.containsKey(name)) {
          throw new InventoryException(file, "line 1 (header)", name, "column missing");
        }
      }
      return new Columns(Map.copyOf(index));
    }

    String get(CSVRecord record, String name) {
      Integer at = index.get(name);
      return at == null || at >= record.size() ? null : record.get(at);
    }
  }
}
