package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionAnalyzerTest {

  private static Grant allow(String action, String source) {
    return new Grant(Grant.Effect.ALLOW, action, false, source);
  }

  @Test
  void matchesLikeAws() {
    assertThat(PermissionAnalyzer.matches("s3:Get*", "s3:GetObject")).isTrue();
    assertThat(PermissionAnalyzer.matches("S3:getobject", "s3:GetObject")).isTrue();
    assertThat(PermissionAnalyzer.matches("s3:Get?bject", "s3:GetObject")).isTrue();
    assertThat(PermissionAnalyzer.matches("s3:Get?", "s3:GetObject")).isFalse();
    assertThat(PermissionAnalyzer.matches("*", "kms:Decrypt")).isTrue();
    assertThat(PermissionAnalyzer.matches("*:*", "kms:Decrypt")).isTrue();
    assertThat(PermissionAnalyzer.matches("s3*", "s3:GetObject")).isFalse();
    assertThat(PermissionAnalyzer.matches("s3:*", "s3api:GetObject")).isFalse();
    assertThat(PermissionAnalyzer.matches("ec2:Describe*", "ec2:RunInstances")).isFalse();
  }

  @Test
  void splitsGrantsIntoUsedUnusedAndUngranted() {
    List<Grant> grants =
        List.of(
            allow("s3:GetObject", "p#1"),
            allow("s3:Get*", "p#1"),
            allow("s3:getobject", "q#1"),
            allow("sqs:SendMessage", "p#2"),
            new Grant(Grant.Effect.DENY, "s3:GetObjectAcl", false, "d#1"));
    Map<String, Long> seen =
        Map.of("s3:GetObject", 10L, "s3:GetObjectAcl", 1L, "ec2:RunInstances", 2L, "x:Y", 0L);

    PermissionUse use = PermissionAnalyzer.analyze(grants, seen);

    assertThat(use.granted()).isEqualTo(3);
    assertThat(use.used()).containsExactly("s3:GetObject", "s3:Get*");
    assertThat(use.unused()).containsExactly("sqs:SendMessage");
    assertThat(use.ungranted()).containsExactly("ec2:RunInstances", "s3:GetObjectAcl");
    assertThat(use.administrative()).isEmpty();
  }

  @Test
  void notActionStatementIsOneEntryAndAdministrative() {
    List<Grant> grants =
        List.of(
            new Grant(Grant.Effect.ALLOW, "iam:*", true, "p#1"),
            new Grant(Grant.Effect.ALLOW, "organizations:*", true, "p#1"),
            new Grant(Grant.Effect.ALLOW, "s3:*", true, "p#2"));

    PermissionUse use =
        PermissionAnalyzer.analyze(grants, Map.of("iam:CreateUser", 1L, "ec2:RunInstances", 1L));

    assertThat(use.granted()).isEqualTo(2);
    assertThat(use.used()).containsExactly("NotAction[iam:*, organizations:*]", "NotAction[s3:*]");
    assertThat(use.ungranted()).isEmpty();
    assertThat(use.administrative()).hasSize(2);

    PermissionUse onlyFirst =
        PermissionAnalyzer.analyze(grants.subList(0, 2), Map.of("iam:PassRole", 3L));
    assertThat(onlyFirst.ungranted()).containsExactly("iam:PassRole");
    assertThat(onlyFirst.unused()).containsExactly("NotAction[iam:*, organizations:*]");
  }

  @Test
  void denyWithNotActionDeniesAllButItsPatterns() {
    List<Grant> grants =
        List.of(allow("*", "admin#1"), new Grant(Grant.Effect.DENY, "s3:Get*", true, "guard#1"));

    PermissionUse use =
        PermissionAnalyzer.analyze(grants, Map.of("s3:GetObject", 1L, "s3:PutObject", 1L));

    assertThat(use.used()).containsExactly("*");
    assertThat(use.ungranted()).containsExactly("s3:PutObject");
  }

  @Test
  void administrativeMeansFullOrSensitiveServiceWide() {
    List<Grant> grants =
        List.of(
            allow("*", "a"),
            allow("*:*", "a"),
            allow("IAM:*", "a"),
            allow("kms:*", "a"),
            allow("secretsmanager:*", "a"),
            allow("s3:*", "a"),
            allow("iam:Get*", "a"),
            new Grant(Grant.Effect.DENY, "sts:*", false, "d"));

    assertThat(PermissionAnalyzer.analyze(grants, Map.of()).administrative())
        .containsExactly("*", "*:*", "IAM:*", "kms:*", "secretsmanager:*");
  }

  @Test
  void countsConcreteActions() {
    List<Grant> grants =
        List.of(
            allow("s3:GetObject", "a"),
            allow("S3:GETOBJECT", "b"),
            allow("s3:Put*", "a"),
            allow("sqs:SendMessage", "a"),
            allow("ec2:Describe?", "a"),
            new Grant(Grant.Effect.ALLOW, "iam:CreateUser", true, "n"),
            new Grant(Grant.Effect.DENY, "kms:Decrypt", false, "d"));

    assertThat(PermissionAnalyzer.concreteActions(grants)).isEqualTo(2);
  }
}
