package org.nhiaudit.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.ingest.cloudtrail.Samples.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.cloudtrail.AwsActorClassifier.Decision;
import org.nhiaudit.model.ActorClass;

class AwsActorClassifierTest {

  private final AwsActorClassifier classifier = new AwsActorClassifier();

  @Test
  void awsServicePrincipal() {
    assertDecision(call(Samples.SERVICE), ActorClass.SERVICE, "aws.service.principal");
  }

  @Test
  void serviceInvokedCallWithoutKey() {
    assertDecision(call(Samples.NO_TYPE), ActorClass.SERVICE, "aws.service.invoked-by");
  }

  @Test
  void serviceInvokedRoleSessionWithoutKey() {
    ObjectNode record = call(Samples.ROLE_SESSION);
    identity(record).remove("accessKeyId");
    identity(record).put("invokedBy", "inspector2.amazonaws.com");

    assertDecision(record, ActorClass.SERVICE, "aws.service.invoked-by");
  }

  @Test
  void serviceLinkedRole() {
    ObjectNode record = call(Samples.ROLE_SESSION);
    issuer(record)
        .put(
            "arn",
            "arn:aws:iam::111122223333:role/aws-service-role/rds.amazonaws.com/"
                + "AWSServiceRoleForRDS");

    assertDecision(record, ActorClass.SERVICE, "aws.role.service-linked");
  }

  @Test
  void consoleSessionFlag() {
    ObjectNode record = call(Samples.ROLE_SESSION);
    record.put("sessionCredentialFromConsole", "true");

    assertDecision(record, ActorClass.HUMAN, "aws.console.session");
  }

  @Test
  void identityCenterRole() {
    ObjectNode record = call(Samples.ROLE_SESSION);
    issuer(record).put("userName", "AWSReservedSSO_ReadOnly_0123456789abcdef");

    assertDecision(record, ActorClass.HUMAN, "aws.role.sso");
  }

  @Test
  void consoleSignInWithoutKey() {
    ObjectNode record = call(Samples.IAM_USER_KEY);
    identity(record).remove("accessKeyId");
    record.put("eventSource", "signin.amazonaws.com");
    record.put("eventName", "ConsoleLogin");

    assertDecision(record, ActorClass.HUMAN, "aws.console.sign-in");
  }

  @Test
  void rootWithLongTermKey() {
    assertDecision(call(Samples.ROOT_WITH_KEY), ActorClass.NON_HUMAN, "aws.root.access-key");
  }

  @Test
  void rootWithoutKey() {
    assertDecision(call(Samples.ROOT_CONSOLE), ActorClass.HUMAN, "aws.root.console");
  }

  @Test
  void userLongTermKey() {
    assertDecision(call(Samples.IAM_USER_KEY), ActorClass.NON_HUMAN, "aws.user.access-key");
  }

  @Test
  void userLongTermKeyStaysNonHumanInABrowser() {
    ObjectNode record = call(Samples.IAM_USER_KEY);
    record.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0");

    assertDecision(record, ActorClass.NON_HUMAN, "aws.user.access-key");
  }

  @Test
  void userSessionWithMfa() {
    assertDecision(call(Samples.IAM_USER_CONSOLE), ActorClass.HUMAN, "aws.user.mfa-session");
  }

  @Test
  void userSessionWithConsoleAgent() {
    ObjectNode record = call(Samples.IAM_USER_CONSOLE);
    attributes(record).put("mfaAuthenticated", "false");
    record.put("userAgent", "console.ec2.amazonaws.com");

    assertDecision(record, ActorClass.HUMAN, "aws.user.console-agent");
  }

  @Test
  void userSessionUsedByAService() {
    ObjectNode record = call(Samples.IAM_USER_CONSOLE);
    attributes(record).put("mfaAuthenticated", "false");
    identity(record).put("invokedBy", "secretsmanager.amazonaws.com");
    record.put("userAgent", "secretsmanager.amazonaws.com");

    assertDecision(record, ActorClass.SERVICE, "aws.service.on-behalf");
  }

  @Test
  void userSessionFromSoftware() {
    ObjectNode record = call(Samples.IAM_USER_CONSOLE);
    attributes(record).put("mfaAuthenticated", "false");

    assertDecision(record, ActorClass.NON_HUMAN, "aws.user.session-token");
  }

  @Test
  void ec2InstanceSessionByDeliveryMarker() {
    assertDecision(
        call(Samples.EC2_INSTANCE_SESSION), ActorClass.NON_HUMAN, "aws.role.ec2-instance");
  }

  @Test
  void ec2InstanceSessionByName() {
    ObjectNode record = call(Samples.ROLE_SESSION);
    identity(record).put("arn", "arn:aws:sts::111122223333:assumed-role/deployer/i-0a1b2c3d");

    assertDecision(record, ActorClass.NON_HUMAN, "aws.role.ec2-instance");
  }

  @Test
  void lambdaSession() {
    ObjectNode record = call(Samples.ROLE_SESSION);
    record.put("userAgent", "Boto3/1.34.0 Python/3.12.1 Linux exec-env/AWS_Lambda_python3.12");

    assertDecision(record, ActorClass.NON_HUMAN, "aws.role.lambda");
  }

  @Test
  void roleAssumedWithMfa() {
    ObjectNode record = call(Samples.ROLE_SESSION);
    attributes(record).put("mfaAuthenticated", "true");

    assertDecision(record, ActorClass.HUMAN, "aws.role.mfa");
  }

  @Test
  void roleAssumedBySoftware() {
    assertDecision(call(Samples.ROLE_SESSION), ActorClass.NON_HUMAN, "aws.role.assumed");
  }

  @Test
  void federationToken() {
    assertDecision(call(Samples.FEDERATED), ActorClass.NON_HUMAN, "aws.federated.token");
  }

  @Test
  void samlAndIdentityCenterUsersAndWebIdentity() {
    assertDecision(
        call("{\"type\":\"SAMLUser\",\"userName\":\"alice@example.org\"}"),
        ActorClass.HUMAN,
        "aws.saml.user");
    assertDecision(
        call("{\"type\":\"IdentityCenterUser\",\"accountId\":\"111122223333\"}"),
        ActorClass.HUMAN,
        "aws.identity-center.user");
    assertDecision(
        call("{\"type\":\"WebIdentityUser\",\"userName\":\"repo:org/app:ref:main\"}"),
        ActorClass.NON_HUMAN,
        "aws.web-identity");
  }

  @Test
  void accountPrincipalFromAnotherAccount() {
    assertDecision(call(Samples.OTHER_ACCOUNT), ActorClass.NON_HUMAN, "aws.account.cross-account");
  }

  @Test
  void accountPrincipalOfTheSameAccount() {
    ObjectNode record = call(Samples.OTHER_ACCOUNT);
    identity(record).put("accountId", "111122223333");

    assertDecision(record, ActorClass.NON_HUMAN, "aws.account.same-account");
  }

  @Test
  void unknownPrincipalIsReviewed() {
    assertDecision(
        call("{\"type\":\"SomeFutureType\",\"arn\":\"arn:aws:x::1:y\"}"),
        ActorClass.NON_HUMAN,
        "aws.fallback");
    assertDecision(call("{\"accountId\":\"111122223333\"}"), ActorClass.NON_HUMAN, "aws.fallback");
  }

  @Test
  void instanceIdsHaveEightOrSeventeenHexDigits() {
    assertThat(AwsActorClassifier.isInstanceId("i-0a1b2c3d")).isTrue();
    assertThat(AwsActorClassifier.isInstanceId("i-0123456789ABCDEFa")).isTrue();
    assertThat(AwsActorClassifier.isInstanceId("i-0a1b2c3")).isFalse();
    assertThat(AwsActorClassifier.isInstanceId("i-0a1b2c3d4")).isFalse();
    assertThat(AwsActorClassifier.isInstanceId("i-0a1b2c3g")).isFalse();
    assertThat(AwsActorClassifier.isInstanceId("i-0a1b2c3\uff21")).isFalse();
    assertThat(AwsActorClassifier.isInstanceId("I-0a1b2c3d")).isFalse();
    assertThat(AwsActorClassifier.isInstanceId("x-0a1b2c3d")).isFalse();
    assertThat(AwsActorClassifier.isInstanceId("i-")).isFalse();
    assertThat(AwsActorClassifier.isInstanceId(null)).isFalse();

    Pattern pattern = Pattern.compile("i-(\\p{XDigit}{8}|\\p{XDigit}{17})");
    String alphabet = "i-I0159aAfFgG\uff21 ";
    Random random = new Random(7);
    for (int n = 0; n < 100_000; n++) {
      StringBuilder name = new StringBuilder(random.nextBoolean() ? "i-" : "");
      int length = random.nextInt(20);
      for (int k = 0; k < length; k++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(AwsActorClassifier.isInstanceId(name.toString()))
          .as(name.toString())
          .isEqualTo(pattern.matcher(name).matches());
    }
  }

  @Test
  void flagsMayBeJsonBooleans() {
    ObjectNode record = call(Samples.ROLE_SESSION);
    record.put("sessionCredentialFromConsole", true);

    assertDecision(record, ActorClass.HUMAN, "aws.console.session");
  }

  private void assertDecision(ObjectNode record, ActorClass expected, String rule) {
    Decision decision = classifier.classify(record);

    assertThat(decision.rule()).isEqualTo(rule);
    assertThat(decision.actorClass()).isEqualTo(expected);
    assertThat(Samples.parsed(record).classificationRule()).isEqualTo(rule);
  }

  private static ObjectNode identity(ObjectNode record) {
    return (ObjectNode) record.get("userIdentity");
  }

  private static ObjectNode issuer(ObjectNode record) {
    return (ObjectNode) identity(record).get("sessionContext").get("sessionIssuer");
  }

  private static ObjectNode attributes(ObjectNode record) {
    return (ObjectNode) identity(record).get("sessionContext").get("attributes");
  }
}
