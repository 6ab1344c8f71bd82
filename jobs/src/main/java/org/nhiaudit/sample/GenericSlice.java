package org.nhiaudit.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A system without a reader of its own, converted to the generic CSV format: the company's secrets
 * vault. Planted: the legacy ETL job's token accessor, issued about sixteen months ago and never
 * renewed, which someone also uses from a web browser; healthy: the CI deploy job's token, issued
 * recently with a short life.
 */
final class GenericSlice extends PlatformSlice {

  private static final String HEADER =
      "time,provider,account,identity,identity_type,credential,credential_kind,action,resources,"
          + "source_address,user_agent,outcome,error_code,region,actor_class";
  static final String ETL = "approle/etl-legacy";
  static final String DEPLOY = "approle/ci-deploy";

  private final String etlAccessor = "acc-" + ids.hex(24);
  private final String deployAccessor = "acc-" + ids.hex(24);
  private final LocalDate deployIssued = daysBeforeEnd(25);
  private final List<Row> rows = new ArrayList<>();

  GenericSlice(SampleOptions options) {
    super(options, 6);
  }

  private record Row(Instant time, String line) {}

  @Override
  PlatformLog write() throws IOException {
    eachDay(this::day);
    Path folder = options.out().resolve("generic");
    Files.createDirectories(folder);
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    rows.stream().sorted(Comparator.comparing(Row::time)).forEach(r -> out.append(r.line()));
    Files.writeString(folder.resolve("vault-audit.csv"), out.toString());
    List<PlatformCase> cases =
        List.of(
            new PlatformCase("vault", ETL, etlAccessor, Planted.GENERIC_BROWSER_TOKEN),
            new PlatformCase("vault", DEPLOY, deployAccessor, Planted.HEALTHY));
    return new PlatformLog("generic", "vault", rows.size(), 0, cases, owners(), List.of());
  }

  private void day(LocalDate date) {
    for (int i = calls(2); i > 0; i--) {
      row(date, ETL, etlAccessor, "secret/data/warehouse", "10.30.2.7", "vault-agent/1.15.4");
    }
    if (random.nextInt(12) == 0) {
      row(
          date,
          ETL,
          etlAccessor,
          "secret/data/warehouse",
          "192.0.2.77",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/129.0 Safari/537.36");
    }
    if (!date.isBefore(deployIssued)) {
      row(date, DEPLOY, deployAccessor, "secret/data/deploy", "10.30.4.9", "vault-agent/1.15.4");
    }
  }

  private void row(
      LocalDate date, String identity, String accessor, String path, String ip, String agent) {
    Instant time = timeOn(date, 0, 24);
    String line =
        String.join(
            ",",
            iso(time),
            "vault",
            "exr-vault",
            identity,
            "approle",
            accessor,
            "token",
            "vault:read",
            path,
            ip,
            agent.contains(",") ? '"' + agent + '"' : agent,
            "success",
            "",
            "",
            "non_human");
    rows.add(new Row(time, line + "\n"));
  }

  @Override
  long recordCount() {
    return rows.size();
  }

  private List<OwnerRow> owners() {
    return List.of(
        new OwnerRow(
            etlAccessor,
            "token",
            "vault",
            ETL,
            "rui.costa@example.com",
            "data",
            "prod",
            daysBeforeEnd(480),
            null,
            List.of("read:secret/data/warehouse"),
            "legacy ETL token"),
        new OwnerRow(
            deployAccessor,
            "token",
            "vault",
            DEPLOY,
            "lars.berg@example.com",
            "platform",
            "prod",
            deployIssued,
            deployIssued.plusDays(60),
            List.of("read:secret/data/deploy"),
            "CI deploy token"));
  }
}
