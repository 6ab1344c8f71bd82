package org.nhiaudit.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.ingest.cloudtrail.Samples.call;
import static org.nhiaudit.ingest.cloudtrail.Samples.json;
import static org.nhiaudit.ingest.cloudtrail.Samples.parsed;
import static org.nhiaudit.ingest.cloudtrail.Samples.rejection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.model.AccessEvent;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;
import org.nhiaudit.model.Outcome;

class CloudTrailParserTest {

  private final CloudTrailParser parser = new CloudTrailParser();

  @Nested
  class Shapes {

    @Test
    void readsAPlainRecordField() {
      AccessEvent event = parsed(call(Samples.IAM_USER_KEY));

      assertThat(event.time()).isEqualTo(Instant.parse("2024-03-01T09:15:02Z"));
      assertThat(event.provider()).isEqualTo("aws");
      assertThat(event.account()).isEqualTo("111122223333");
      assertThat(event.action()).isEqualTo("s3:GetObject");
      assertThat(event.resources()).containsExactly("billing-exports");
      assertThat(event.sourceAddress()).isEqualTo("198.51.100.7");
      assertThat(event.userAgent()).isEqualTo("aws-cli/2.15.0 Python/3.11");
      assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(event.errorCode()).isNull();
      assertThat(event.region()).isEqualTo("eu-west-1");
      assertThat(event.origin()).isEqualTo(Samples.ORIGIN);
    }

    @Test
    void takesShipperTimestampWhenEventTimeIsGone() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.remove("eventTime");
      record.put("@timestamp", "2020-09-14T00:44:23.000Z");
      record.put("@version", "1");

      assertThat(parsed(record).time()).isEqualTo(Instant.parse("2020-09-14T00:44:23Z"));
    }

    @Test
    void takesPlainTimestampAndRenamedAddress() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.remove("eventTime");
      record.remove("sourceIPAddress");
      record.put("timestamp", 1_709_284_502_123L);
      record.set("source", json("{\"ip\":\"203.0.113.9\"}"));

      AccessEvent event = parsed(record);

      assertThat(event.time()).isEqualTo(Instant.parse("2024-03-01T09:15:02.123Z"));
      assertThat(event.sourceAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void findsTheAddressWhereverShippersMovedIt() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.remove("sourceIPAddress");
      record.set("client", json("{\"ip\":\"203.0.113.4\"}"));
      assertThat(parsed(record).sourceAddress()).isEqualTo("203.0.113.4");

      record.put("source.ip", "203.0.113.3");
      assertThat(parsed(record).sourceAddress()).isEqualTo("203.0.113.3");

      record.put("sourceIpAddress", "203.0.113.2");
      assertThat(parsed(record).sourceAddress()).isEqualTo("203.0.113.2");
    }

    @Test
    void prefersEventTimeOverShipperTime() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.put("@timestamp", "2024-03-01T09:15:09.500Z");

      assertThat(parsed(record).time()).isEqualTo(Instant.parse("2024-03-01T09:15:02Z"));
    }

    @Test
    void readsTheRecordInsideALookupEventsItem() throws Exception {
      ObjectNode item = lookupItem(call(Samples.IAM_USER_KEY));

      assertThat(parser.accepts(item)).isTrue();
      AccessEvent event = parsed(item);

      assertThat(event.time()).isEqualTo(Instant.parse("2024-03-01T09:15:02Z"));
      assertThat(event.identity()).isEqualTo("arn:aws:iam::111122223333:user/ci-bot");
      assertThat(event.action()).isEqualTo("s3:GetObject");
    }

    @Test
    void fallsBackToTheOuterLookupTimeWithItsOffset() throws Exception {
      ObjectNode inner = call(Samples.IAM_USER_KEY);
      inner.remove("eventTime");

      AccessEvent event = parsed(lookupItem(inner));

      assertThat(event.time()).isEqualTo(Instant.parse("2024-02-29T22:00:01Z"));
    }

    @Test
    void readsTheDetailOfAnEventBridgeEvent() {
      ObjectNode envelope = Json.MAPPER.createObjectNode();
      envelope.put("detail-type", "AWS API Call via CloudTrail");
      envelope.put("time", "2024-03-01T09:15:03Z");
      envelope.set("detail", call(Samples.IAM_USER_KEY));

      assertThat(parser.accepts(envelope)).isTrue();
      assertThat(parsed(envelope).action()).isEqualTo("s3:GetObject");
    }

    @Test
    void acceptsByKeysAndRefusesOtherFormats() {
      assertThat(parser.accepts(call(Samples.SERVICE))).isTrue();
      assertThat(parser.accepts(json("{\"eventName\":\"X\",\"eventTime\":\"t\"}"))).isTrue();
      assertThat(parser.accepts(json("{\"protoPayload\":{},\"timestamp\":\"t\"}"))).isFalse();
      assertThat(parser.accepts(json("{\"eventType\":\"user.session.start\",\"actor\":{}}")))
          .isFalse();
      assertThat(parser.accepts(json("[1,2]"))).isFalse();
    }

    private ObjectNode lookupItem(ObjectNode inner) throws Exception {
      ObjectNode item = Json.MAPPER.createObjectNode();
      item.put("EventId", "0d6f7a1e-0000-4000-8000-000000000001");
      item.put("EventName", "GetObject");
      item.put("ReadOnly", "true");
      item.put("EventTime", "2024-03-01 09:00:01+11:00");
      item.put("EventSource", "s3.amazonaws.com");
      item.put("CloudTrailEvent", Json.MAPPER.writeValueAsString(inner));
      return item;
    }
  }

  @Nested
  class Principals {

    @Test
    void iamUserWithLongTermKeyIsKeyedByTheKey() {
      AccessEvent event = parsed(call(Samples.IAM_USER_KEY));

      assertThat(event.identity()).isEqualTo("arn:aws:iam::111122223333:user/ci-bot");
      assertThat(event.identityType()).isEqualTo("IAMUser");
      assertThat(event.credential()).isEqualTo("AKIAEXAMPLEKEY000001");
      assertThat(event.credentialKind()).isEqualTo(CredentialKind.ACCESS_KEY);
      assertThat(event.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
      assertThat(event.classificationRule()).isEqualTo("aws.user.access-key");
    }

    @Test
    void iamUserConsoleSessionIsKeyedByTheUserNotTheSessionKey() {
      ObjectNode record = call(Samples.IAM_USER_CONSOLE);
      record.put("sessionCredentialFromConsole", "true");

      AccessEvent event = parsed(record);

      assertThat(event.credential()).isEqualTo("arn:aws:iam::111122223333:user/alice");
      assertThat(event.credentialKind()).isEqualTo(CredentialKind.SESSION);
      assertThat(event.actorClass()).isEqualTo(ActorClass.HUMAN);
      assertThat(event.classificationRule()).isEqualTo("aws.console.session");
    }

    @Test
    void assumedRoleIsNamedByTheRoleNotTheSession() {
      AccessEvent event = parsed(call(Samples.ROLE_SESSION));

      assertThat(event.identity()).isEqualTo("arn:aws:iam::111122223333:role/ci/deployer");
      assertThat(event.credential()).isEqualTo("arn:aws:iam::111122223333:role/ci/deployer");
      assertThat(event.credentialKind()).isEqualTo(CredentialKind.ROLE);
      assertThat(event.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    }

    @Test
    void assumedRoleWithoutIssuerIsNamedFromTheSessionArn() {
      ObjectNode record = call(Samples.ROLE_SESSION);
      ((ObjectNode) record.get("userIdentity")).remove("sessionContext");

      assertThat(parsed(record).identity()).isEqualTo("arn:aws:iam::111122223333:role/deployer");
    }

    @Test
    void ec2InstanceSessionIsTheInstanceRole() {
      AccessEvent event = parsed(call(Samples.EC2_INSTANCE_SESSION));

      assertThat(event.identity()).isEqualTo("arn:aws:iam::111122223333:role/web-profile");
      assertThat(event.credentialKind()).isEqualTo(CredentialKind.ROLE);
      assertThat(event.classificationRule()).isEqualTo("aws.role.ec2-instance");
    }

    @Test
    void federatedUserIsCreditedToTheIssuer() {
      AccessEvent event = parsed(call(Samples.FEDERATED));

      assertThat(event.identity())
          .isEqualTo("arn:aws:sts::111122223333:federated-user/partner-sync");
      assertThat(event.credential()).isEqualTo("arn:aws:iam::111122223333:user/federator");
      assertThat(event.credentialKind()).isEqualTo(CredentialKind.SESSION);
      assertThat(event.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    }

    @Test
    void awsServiceIsNamedByTheServiceInTheRecipientAccount() {
      AccessEvent event = parsed(call(Samples.SERVICE));

      assertThat(event.identity()).isEqualTo("config.amazonaws.com");
      assertThat(event.identityType()).isEqualTo("AWSService");
      assertThat(event.credential()).isEqualTo("config.amazonaws.com");
      assertThat(event.credentialKind()).isEqualTo(CredentialKind.UNKNOWN);
      assertThat(event.account()).isEqualTo("111122223333");
      assertThat(event.actorClass()).isEqualTo(ActorClass.SERVICE);
    }

    @Test
    void rootWithKeyIsAMachineCredential() {
      AccessEvent event = parsed(call(Samples.ROOT_WITH_KEY));

      assertThat(event.identity()).isEqualTo("arn:aws:iam::111122223333:root");
      assertThat(event.credential()).isEqualTo("AKIAEXAMPLEROOTKEY01");
      assertThat(event.credentialKind()).isEqualTo(CredentialKind.ROOT);
      assertThat(event.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    }

    @Test
    void rootWithoutKeyIsAPerson() {
      AccessEvent event = parsed(call(Samples.ROOT_CONSOLE));

      assertThat(event.credential()).isEqualTo("arn:aws:iam::111122223333:root");
      assertThat(event.credentialKind()).isEqualTo(CredentialKind.ROOT);
      assertThat(event.actorClass()).isEqualTo(ActorClass.HUMAN);
    }

    @Test
    void otherAccountIsNamedByItsAccountId() {
      AccessEvent event = parsed(call(Samples.OTHER_ACCOUNT));

      assertThat(event.identity()).isEqualTo("444455556666");
      assertThat(event.identityType()).isEqualTo("AWSAccount");
      assertThat(event.account()).isEqualTo("444455556666");
      assertThat(event.classificationRule()).isEqualTo("aws.account.cross-account");
    }

    @Test
    void recordWithoutTypeIsNamedByTheInvokingService() {
      AccessEvent event = parsed(call(Samples.NO_TYPE));

      assertThat(event.identity()).isEqualTo("secretsmanager.amazonaws.com");
      assertThat(event.identityType()).isEqualTo("none");
      assertThat(event.actorClass()).isEqualTo(ActorClass.SERVICE);
    }

    @Test
    void recordWithoutTypeOrServiceIsNamedByItsAccount() {
      AccessEvent event = parsed(call("{\"accountId\":\"777788889999\"}"));

      assertThat(event.identity()).isEqualTo("777788889999");
      assertThat(event.identityType()).isEqualTo("none");
    }
  }

  @Nested
  class Fields {

    @Test
    void stripsBracketsAroundTheUserAgent() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.put("userAgent", "[S3Console/0.4, aws-internal/3]");

      assertThat(parsed(record).userAgent()).isEqualTo("S3Console/0.4, aws-internal/3");
    }

    @Test
    void keepsAnAddressThatIsNotAnIp() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.put("sourceIPAddress", "211.9.016.253");

      assertThat(parsed(record).sourceAddress()).isEqualTo("211.9.016.253");
    }

    @Test
    void collectsResourceArnsAndNamedParametersOnce() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.set(
          "resources",
          json(
              """
              [{"ARN":"arn:aws:s3:::billing-exports/2024/02.csv","type":"AWS::S3::Object"},
               {"accountId":"111122223333","type":"AWS::S3::Bucket"}]
              """));
      record.set(
          "requestParameters",
          json("{\"bucketName\":\"billing-exports\",\"roleName\":\"deployer\"}"));

      assertThat(parsed(record).resources())
          .containsExactly(
              "arn:aws:s3:::billing-exports/2024/02.csv", "billing-exports", "deployer");
    }

    @Test
    void mapsErrorCodesToOutcomes() {
      assertThat(outcomeOf("AccessDenied")).isEqualTo(Outcome.DENIED);
      assertThat(outcomeOf("AccessDeniedException")).isEqualTo(Outcome.DENIED);
      assertThat(outcomeOf("Client.UnauthorizedOperation")).isEqualTo(Outcome.DENIED);
      assertThat(outcomeOf("UnauthorizedAccess")).isEqualTo(Outcome.DENIED);
      assertThat(outcomeOf("Forbidden")).isEqualTo(Outcome.DENIED);
      assertThat(outcomeOf("ThrottlingException")).isEqualTo(Outcome.ERROR);
      assertThat(outcomeOf("NoSuchBucketPolicy")).isEqualTo(Outcome.ERROR);
    }

    @Test
    void emptyErrorCodeIsASuccess() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.put("errorCode", "");

      AccessEvent event = parsed(record);

      assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
      assertThat(event.errorCode()).isNull();
    }

    @Test
    void keepsNoIssuedCredentialsFromTheResponse() throws Exception {
      ObjectNode record = call(Samples.ROLE_SESSION);
      record.put("eventSource", "sts.amazonaws.com");
      record.put("eventName", "AssumeRole");
      record.set(
          "responseElements",
          json(
              """
              {"credentials":{"accessKeyId":"ASIAISSUEDSESSIONKEY",
               "sessionToken":"IQoJb3JpZ2luX2VjEXAMPLETOKEN","expiration":"Mar 1, 2024"}}
              """));

      String written = Json.MAPPER.writeValueAsString(parsed(record));

      assertThat(written).doesNotContain("ASIAISSUEDSESSIONKEY", "IQoJb3JpZ2luX2VjEXAMPLETOKEN");
      assertThat(written).doesNotContain("ASIAEXAMPLESESSION02");
    }

    private Outcome outcomeOf(String code) {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.put("errorCode", code);
      AccessEvent event = parsed(record);
      assertThat(event.errorCode()).isEqualTo(code);
      return event.outcome();
    }
  }

  @Nested
  class Rejections {

    @Test
    void noTimeAnywhere() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.remove("eventTime");

      assertThat(rejection(record)).contains("no time").contains("eventTime");
    }

    @Test
    void unreadableTime() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.put("eventTime", "yesterday at noon");

      assertThat(rejection(record)).contains("eventTime").contains("yesterday at noon");
    }

    @Test
    void unreadableEventTimeIsNotPatchedFromAShipperTime() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.put("eventTime", "");
      record.put("@timestamp", "2024-03-01T09:15:09.500Z");

      assertThat(rejection(record)).contains("unreadable eventTime");
    }

    @Test
    void missingEventName() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.remove("eventName");

      assertThat(parser.accepts(record)).isTrue();
      assertThat(rejection(record)).contains("eventName");
    }

    @Test
    void missingEventSource() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.remove("eventSource");

      assertThat(rejection(record)).contains("eventSource");
    }

    @Test
    void unparseableEmbeddedRecord() {
      ObjectNode item = Json.MAPPER.createObjectNode();
      item.put("EventName", "GetObject");
      item.put("EventTime", "2024-03-01 09:00:01+11:00");
      item.put("CloudTrailEvent", "{\"eventVersion\":\"1.08\",\"userIdent");

      assertThat(parser.accepts(item)).isTrue();
      assertThat(rejection(item)).contains("CloudTrailEvent");
    }

    @Test
    void embeddedRecordThatIsNotAnObject() {
      ObjectNode item = Json.MAPPER.createObjectNode();
      item.put("CloudTrailEvent", "[1,2,3]");

      assertThat(rejection(item)).contains("CloudTrailEvent");
    }

    @Test
    void noPrincipalAtAll() {
      ObjectNode record = call(Samples.IAM_USER_KEY);
      record.remove("userIdentity");
      record.remove("recipientAccountId");

      assertThat(rejection(record)).contains("userIdentity");
    }
  }
}
