package org.nhiaudit.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.ingest.ParseOutcome;
import org.nhiaudit.ingest.PrunedParsing;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.Origin;

/**
 * Small hand-written CloudTrail records for tests. Records parsed here are also parsed as the file
 * reader builds them, from only the keys the parser declares, and must come out the same.
 */
final class Samples {

  static final Origin ORIGIN = new Origin("test.json", 1, 0);

  static final String IAM_USER_KEY =
      """
      {"type":"IAMUser","principalId":"AIDAEXAMPLE1","arn":"arn:aws:iam::111122223333:user/ci-bot",
       "accountId":"111122223333","accessKeyId":"AKIAEXAMPLEKEY000001","userName":"ci-bot"}
      """;

  static final String IAM_USER_CONSOLE =
      """
      {"type":"IAMUser","principalId":"AIDAEXAMPLE2","arn":"arn:aws:iam::111122223333:user/alice",
       "accountId":"111122223333","accessKeyId":"ASIAEXAMPLESESSION01","userName":"alice",
       "sessionContext":{"sessionIssuer":{},"webIdFederationData":{},
         "attributes":{"creationDate":"2024-03-01T08:00:00Z","mfaAuthenticated":"true"}}}
      """;

  static final String ROLE_SESSION =
      """
      {"type":"AssumedRole","principalId":"AROAEXAMPLE:deploy-7731",
       "arn":"arn:aws:sts::111122223333:assumed-role/deployer/deploy-7731",
       "accountId":"111122223333","accessKeyId":"ASIAEXAMPLESESSION02",
       "sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE",
         "arn":"arn:aws:iam::111122223333:role/ci/deployer","accountId":"111122223333",
         "userName":"deployer"},
         "attributes":{"creationDate":"2024-03-01T08:00:00Z","mfaAuthenticated":"false"}}}
      """;

  static final String EC2_INSTANCE_SESSION =
      """
      {"type":"AssumedRole","principalId":"AROAWEB:i-0a1b2c3d4e5f60718",
       "arn":"arn:aws:sts::111122223333:assumed-role/web-profile/i-0a1b2c3d4e5f60718",
       "accountId":"111122223333","accessKeyId":"ASIAEXAMPLESESSION03",
       "sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAWEB",
         "arn":"arn:aws:iam::111122223333:role/web-profile","accountId":"111122223333",
         "userName":"web-profile"},
         "attributes":{"creationDate":"2024-03-01T08:00:00Z","mfaAuthenticated":"false"},
         "ec2RoleDelivery":"2.0"}}
      """;

  static final String FEDERATED =
      """
      {"type":"FederatedUser","principalId":"111122223333:partner-sync",
       "arn":"arn:aws:sts::111122223333:federated-user/partner-sync",
       "accountId":"111122223333","accessKeyId":"ASIAEXAMPLESESSION04",
       "sessionContext":{"sessionIssuer":{"type":"IAMUser","principalId":"AIDAEXAMPLE3",
         "arn":"arn:aws:iam::111122223333:user/federator","accountId":"111122223333",
         "userName":"federator"},
         "attributes":{"creationDate":"2024-03-01T08:00:00Z","mfaAuthenticated":"false"}}}
      """;

  static final String SERVICE =
      """
      {"type":"AWSService","invokedBy":"config.amazonaws.com"}
      """;

  static final String ROOT_WITH_KEY =
      """
      {"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root",
       "accountId":"111122223333","accessKeyId":"AKIAEXAMPLEROOTKEY01"}
      """;

  static final String ROOT_CONSOLE =
      """
      {"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root",
       "accountId":"111122223333"}
      """;

  static final String OTHER_ACCOUNT =
      """
      {"type":"AWSAccount","principalId":"AIDAPARTNER","accountId":"444455556666"}
      """;

  static final String NO_TYPE =
      """
      {"accountId":"111122223333","invokedBy":"secretsmanager.amazonaws.com"}
      """;

  private Samples() {}

  /** An S3 GetObject call by {@code userIdentity}, made at 2024-03-01T09:15:02Z. */
  static ObjectNode call(String userIdentity) {
    ObjectNode record =
        (ObjectNode)
            json(
                """
                {"eventVersion":"1.09","eventTime":"2024-03-01T09:15:02Z",
                 "eventSource":"s3.amazonaws.com","eventName":"GetObject",
                 "awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.7",
                 "userAgent":"aws-cli/2.15.0 Python/3.11","requestParameters":
                 {"bucketName":"billing-exports","key":"2024/02.csv"},
                 "responseElements":null,"eventType":"AwsApiCall",
                 "recipientAccountId":"111122223333"}
                """);
    record.set("userIdentity", json(userIdentity));
    return record;
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test JSON: " + text, e);
    }
  }

  static AccessEvent parsed(JsonNode record) {
    ParseOutcome outcome = PrunedParsing.parse(new CloudTrailParser(), record, ORIGIN);
    if (outcome instanceof ParseOutcome.Parsed parsed) {
      return parsed.event();
    }
    throw new AssertionError("expected an event, got " + outcome);
  }

  static String rejection(JsonNode record) {
    ParseOutcome outcome = PrunedParsing.parse(new CloudTrailParser(), record, ORIGIN);
    if (outcome instanceof ParseOutcome.Rejected rejected) {
      return rejected.reason();
    }
    throw new AssertionError("expected a rejection, got " + outcome);
  }
}
