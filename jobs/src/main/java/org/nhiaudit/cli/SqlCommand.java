package org.nhiaudit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nhiaudit.ingest.ParserRegistry;
import org.nhiaudit.job.SqlQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nhi-audit sql}: Flink SQL over the normalised events of any supported log format. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one Flink SQL query (batch mode) over audit logs, normalised whatever their format.",
      "Tables: access_events(event_time, provider, account, identity, identity_type, credential,"
          + " credential_kind, action, resources, source_address, user_agent, outcome, error_code,"
          + " region, actor_class, classification_rule, origin_path, origin_line) and"
          + " dead_letters(path, line, record_index, reason).",
      "Example: nhi-audit sql --logs DIR \"SELECT credential, COUNT(*) AS n FROM access_events"
          + " WHERE actor_class = 'NON_HUMAN' GROUP BY credential ORDER BY n DESC\""
    })
public final class SqlCommand implements Callable<Integer> {

  @Option(
      names = "--logs",
      required = true,
      paramLabel = "PATH",
      description = "An audit-log file or folder, read recursively; plain or gzip. Repeatable.")
  List<String> logs = new ArrayList<>();

  @Mixin ParsingOptions parsing = new ParsingOptions();

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "100",
      description = "Print at most this many rows (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Override
  public Integer call() throws Exception {
    logs.forEach(BatchCommand::requireReadableLocal);
    ParserRegistry registry = parsing.registry();
    SqlQuery.Result result;
    try {
      result = SqlQuery.run(logs, registry, parsing.parallelism, query);
    } catch (IllegalArgumentException e) {
      throw new UserError("the query is not valid: " + e.getMessage(), e);
    }
    print(result);
    return 0;
  }

  private void print(SqlQuery.Result result) throws Exception {
    System.out.println(String.join(" | ", result.columns()));
    int shown = 0;
    try (SqlQuery.Result rows = result) {
      while (rows.hasNext()) {
        Object[] row = rows.next();
        if (shown < maxRows) {
          System.out.println(format(row));
        }
        shown++;
      }
    }
    if (shown > maxRows) {
      System.out.printf("(%d rows, %d shown; raise --max-rows to see more)%n", shown, maxRows);
    } else {
      System.out.printf("(%d rows)%n", shown);
    }
  }

  private static String format(Object[] row) {
    List<String> cells = new ArrayList<>();
    for (Object value : row) {
      cells.add(value instanceof Object[] array ? String.join(",", asStrings(array)) : text(value));
    }
    return String.join(" | ", cells);
  }

  private static List<String> asStrings(Object[] values) {
    List<String> out = new ArrayList<>();
    for (Object value : values) {
      out.add(text(value));
    }
    return out;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().replaceAll("[\\r\\n]+", " ");
  }
}
