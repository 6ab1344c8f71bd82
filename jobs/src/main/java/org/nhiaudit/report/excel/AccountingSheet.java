package org.nhiaudit.report.excel;

import java.util.Arrays;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.nhiaudit.ingest.FileSummary;
import org.nhiaudit.report.view.CountRow;
import org.nhiaudit.report.view.EvidenceView;
import org.nhiaudit.run.RunSummary.InventoryFile;

/** The run's accounting: what was read, how every record was counted, and the configuration. */
final class AccountingSheet {

  private final Sheet sheet;
  private final Cells cells;
  private int next;

  private AccountingSheet(Sheet sheet, Cells cells) {
    this.sheet = sheet;
    this.cells = cells;
  }

  static void write(Sheet sheet, Cells cells, EvidenceView e) {
    new AccountingSheet(sheet, cells).fill(e);
  }

  private void fill(EvidenceView e) {
    pair("Tool", e.tool());
    pair("As of", e.asOf() + " (" + e.asOfSource() + ")");
    pair("Period", e.period());
    pair("Credentials scored", e.credentials());
    pair("Rejected records (dead-letter.jsonl)", e.deadLetters());
    for (CountRow row : e.totals()) {
      pair(row.label(), row.count());
    }
    pair("Every record accounted for once", e.balanced());
    for (String n : e.notEvaluated()) {
      pair("Not evaluated", n);
    }
    next++;
    TableWriter<FileSummary> inputs =
        new TableWriter<>(sheet, Arrays.asList(InputFileColumn.values()), cells, next);
    e.inputs().forEach(inputs::write);
    inputs.finish(false);
    next = inputs.lastRow() + 2;
    for (InventoryFile f : e.inventory()) {
      Row row = sheet.createRow(next++);
      cells.label(row, 0, "Inventory file", Style.HEADER);
      cells.write(row, 1, f.path());
      cells.write(row, 2, f.sha256());
      cells.write(row, 3, f.kind());
      cells.write(row, 4, f.rows());
    }
    next++;
    for (EvidenceView.Setting s : e.config()) {
      Row row = sheet.createRow(next++);
      cells.label(row, 0, "Setting", Style.HEADER);
      cells.write(row, 1, s.label());
      cells.write(row, 2, s.value());
    }
  }

  private void pair(String label, Object value) {
    Row row = sheet.createRow(next++);
    cells.label(row, 0, label, Style.HEADER);
    cells.write(row, 1, value);
  }
}
