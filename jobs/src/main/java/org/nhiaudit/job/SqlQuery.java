package org.nhiaudit.job;

import java.util.Iterator;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.nhiaudit.ingest.ParserRegistry;

/**
 * Runs one Flink SQL query over the {@link EventTables} of some log files, in batch mode. Kept
 * apart from the command line so that the Table API is loaded only when a query runs: a cluster
 * client that lacks it can still run every other command.
 */
public final class SqlQuery {

  private SqlQuery() {}

  /**
   * Plans and starts the query.
   *
   * @throws IllegalArgumentException with the planner's first line when the query is not valid
   */
  public static Result run(
      List<String> logs, ParserRegistry registry, int parallelism, String query) {
    StreamExecutionEnvironment env = LogSources.batchEnvironment(parallelism);
    StreamTableEnvironment tables =
        EventTables.register(env, LogSources.files(env, logs, registry));
    TableResult result;
    try {
      result = tables.executeSql(query);
    } catch (ValidationException e) {
      throw new IllegalArgumentException(firstLine(e.getMessage()), e);
    }
    return new Result(result.getResolvedSchema().getColumnNames(), result.collect());
  }

  /** The column names and the rows, each row its field values in column order. */
  public static final class Result implements Iterator<Object[]>, AutoCloseable {
    private final List<String> columns;
    private final CloseableIterator<Row> rows;

    Result(List<String> columns, CloseableIterator<Row> rows) {
      this.columns = List.copyOf(columns);
      this.rows = rows;
    }

    public List<String> columns() {
      return columns;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public Object[] next() {
      Row row = rows.next();
      Object[] values = new Object[row.getArity()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.getField(i);
      }
      return values;
    }

    @Override
    public void close() throws Exception {
      rows.close();
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int cut = message.indexOf('\n');
    return cut < 0 ? message : message.substring(0, cut);
  }
}
