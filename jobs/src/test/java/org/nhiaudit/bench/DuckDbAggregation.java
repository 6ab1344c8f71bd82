package org.nhiaudit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The yardstick: the per-credential aggregation written as one DuckDB query over the same gzip
 * S3-delivery objects, the way a data engineer would do it by hand with DuckDB's JSON reader.
 *
 * <p>To be comparable the query applies the job's rules in SQL: which principals count as non-human
 * ({@code AwsActorClassifier}) and which key a call is counted under ({@code AwsPrincipal}). It
 * covers plain CloudTrail records only (no shipper or EventBridge envelopes), which is what the
 * generated benchmark data holds.
 */
final class DuckDbAggregation {

  /**
   * Only the fields the aggregation reads are declared, so DuckDB skips the rest of each record
   * (request parameters, resources, response elements) as it would for a hand-written query.
   */
  private static final String RECORD =
      "STRUCT(eventTime VARCHAR, eventSource VARCHAR, eventName VARCHAR,"
          + " sourceIPAddress VARCHAR, userAgent VARCHAR, errorCode VARCHAR,"
          + " recipientAccountId VARCHAR, sessionCredentialFromConsole VARCHAR,"
          + " userIdentity STRUCT(type VARCHAR, arn VARCHAR, accountId VARCHAR,"
          + " accessKeyId VARCHAR, userName VARCHAR, principalId VARCHAR, invokedBy VARCHAR,"
          + " sessionContext STRUCT(ec2RoleDelivery VARCHAR,"
          + " attributes STRUCT(mfaAuthenticated VARCHAR),"
          + " sessionIssuer STRUCT(arn VARCHAR, userName VARCHAR))))[]";

  private static final String QUERY =
      """
      WITH raw AS (
        SELECT unnest(Records) AS r
        FROM read_json(?, columns = {Records: '%s'}, format = 'unstructured',
                       compression = 'gzip', maximum_object_size = 1073741824)
      ), f AS (
        SELECT
          r.eventTime::TIMESTAMPTZ AS t,
          r.eventSource AS source, r.eventName AS name,
          r.sourceIPAddress AS address, r.userAgent AS agent, r.errorCode AS error,
          coalesce(r.userIdentity.type, 'none') AS type,
          r.userIdentity.accessKeyId AS ak, r.userIdentity.invokedBy AS invoked,
          r.userIdentity.arn AS arn, r.userIdentity.principalId AS pid,
          r.userIdentity.userName AS uname,
          coalesce(r.userIdentity.accountId, r.recipientAccountId) AS account,
          r.userIdentity.accountId AS own_account,
          r.userIdentity.sessionContext.sessionIssuer.arn AS issuer,
          r.userIdentity.sessionContext.sessionIssuer.userName AS issuer_name,
          lower(coalesce(r.userIdentity.sessionContext.attributes.mfaAuthenticated, ''))
            = 'true' AS mfa,
          r.userIdentity.sessionContext.ec2RoleDelivery IS NOT NULL AS ec2,
          lower(coalesce(r.sessionCredentialFromConsole, '')) = 'true' AS console
        FROM raw
        WHERE r.eventTime IS NOT NULL AND r.eventSource IS NOT NULL AND r.eventName IS NOT NULL
      ), c AS (
        SELECT *,
          CASE
            WHEN type = 'AWSService' THEN 'S'
            WHEN invoked IS NOT NULL AND ak IS NULL THEN 'S'
            WHEN issuer LIKE '%%:role/aws-service-role/%%' THEN 'S'
            WHEN console THEN 'H'
            WHEN issuer_name LIKE 'AWSReservedSSO\\_%%' ESCAPE '\\' THEN 'H'
            WHEN source = 'signin.amazonaws.com' AND ak IS NULL THEN 'H'
            WHEN type = 'Root' THEN CASE WHEN ak LIKE 'AKIA%%' THEN 'N' ELSE 'H' END
            WHEN type = 'IAMUser' THEN CASE
              WHEN ak LIKE 'AKIA%%' THEN 'N'
              WHEN mfa THEN 'H'
              WHEN lower(agent) LIKE '%%console%%' OR lower(agent) LIKE 'mozilla/%%' THEN 'H'
              WHEN invoked IS NOT NULL THEN 'S'
              ELSE 'N' END
            WHEN type = 'AssumedRole' THEN CASE
              WHEN ec2 OR regexp_full_match(
                  regexp_extract(arn, ':assumed-role/.*/([^/]*)$', 1),
                  'i-([0-9a-fA-F]{8}|[0-9a-fA-F]{17})') THEN 'N'
              WHEN agent LIKE '%%AWS_Lambda%%' THEN 'N'
              WHEN mfa THEN 'H'
              ELSE 'N' END
            WHEN type IN ('SAMLUser', 'IdentityCenterUser') THEN 'H'
            ELSE 'N'
          END AS class,
          CASE type
            WHEN 'none' THEN coalesce(invoked, own_account, account)
            WHEN 'IAMUser' THEN CASE
              WHEN ak LIKE 'AKIA%%' THEN ak
              WHEN ak LIKE 'ASIA%%' OR ak IS NULL
                THEN coalesce(arn, 'arn:aws:iam::' || account || ':user/' || uname)
              ELSE ak END
            WHEN 'AssumedRole' THEN coalesce(issuer, regexp_replace(arn,
                '^(.*):sts:(.*):assumed-role/([^/]+).*$', '\\1:iam:\\2:role/\\3'))
            WHEN 'Root' THEN CASE WHEN ak LIKE 'AKIA%%' THEN ak
              ELSE coalesce(arn, 'arn:aws:iam::' || account || ':root') END
            WHEN 'FederatedUser' THEN coalesce(issuer, arn)
            WHEN 'AWSService' THEN coalesce(invoked, pid)
            WHEN 'AWSAccount' THEN coalesce(own_account, account)
            ELSE coalesce(arn, pid, account)
          END AS credential
        FROM f
      )
      SELECT coalesce(credential, 'unknown') AS k, count(*) AS events,
        epoch(min(t))::BIGINT AS first_seen, epoch(max(t))::BIGINT AS last_seen,
        count(DISTINCT replace(source, '.amazonaws.com', '') || ':' || name) AS actions,
        count(DISTINCT address) AS addresses,
        count(*) FILTER (WHERE regexp_matches(lower(error),
            'accessdenied|unauthorized|notauthorized|forbidden')) AS denied
      FROM c WHERE class = 'N'
      GROUP BY ALL
      """
          .formatted(RECORD);

  private DuckDbAggregation() {}

  /** Runs the query over every {@code *.json.gz} below {@code logs} with {@code threads}. */
  static List<Aggregate> run(String logs, int threads) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement settings = db.createStatement()) {
      settings.execute("SET threads = " + threads);
      try (var query = db.prepareStatement(QUERY)) {
        query.setString(1, logs + "/**/*.json.gz");
        List<Aggregate> rows = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new Aggregate(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7)));
          }
        }
        return rows;
      }
    }
  }
}
