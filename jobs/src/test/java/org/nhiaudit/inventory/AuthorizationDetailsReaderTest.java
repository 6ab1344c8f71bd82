package org.nhiaudit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.model.ActorClass;
import org.nhiaudit.model.CredentialKind;

class AuthorizationDetailsReaderTest {

  private static final String ACCOUNT = "111122223333";

  private static String arn(String resource) {
    return "arn:aws:iam::" + ACCOUNT + ":" + resource;
  }

  private static AuthorizationDetails read(String json) throws Exception {
    JsonNode root = Json.MAPPER.readTree(json.replace('\'', '"'));
    return AuthorizationDetailsReader.read(root, "gaad.json");
  }

  private static Principal principal(AuthorizationDetails details, String identity) {
    return details.principals().stream()
        .filter(p -> p.identity().equals(identity))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void expandsInlineAttachedAndGroupPolicies() throws Exception {
    String encoded =
        URLEncoder.encode(
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\"}]}",
            StandardCharsets.UTF_8);
    String json =
        """
        {'UserDetailList': [{
           'UserName': 'deployer', 'Arn': '%s', 'CreateDate': '2023-03-09 10:41:45+00:00',
           'GroupList': ['ops', 'ghost'],
           'UserPolicyList': [{'PolicyName': 'Queue', 'PolicyDocument': '%s'}],
           'AttachedManagedPolicies': [
             {'PolicyName': 'Local', 'PolicyArn': '%s'},
             {'PolicyName': 'ReadOnlyAccess',
              'PolicyArn': 'arn:aws:iam::aws:policy/ReadOnlyAccess'}],
           'Tags': [{'Key': 'Owner', 'Value': 'ana@example.com'}, {'Key': 'team', 'Value': 'pay'}]
         }],
         'GroupDetailList': [{
           'GroupName': 'ops', 'Arn': '%s',
           'GroupPolicyList': [{'PolicyName': 'OpsInline', 'PolicyDocument':
             {'Statement': {'Effect': 'Deny', 'Action': 'iam:*'}}}],
           'AttachedManagedPolicies': []
         }],
         'RoleDetailList': [],
         'Policies': [{
           'Arn': '%s', 'DefaultVersionId': 'v2',
           'PolicyVersionList': [
             {'VersionId': 'v1', 'IsDefaultVersion': false,
              'Document': {'Statement': [{'Effect': 'Allow', 'Action': 'ec2:*'}]}},
             {'VersionId': 'v2', 'IsDefaultVersion': true,
              'Document': {'Statement': [{'Effect': 'Allow',
                'NotAction': ['iam:*', 'organizations:*']}]}}]
         }]}
        """
            .formatted(
                arn("user/deployer"),
                encoded,
                arn("policy/Local"),
                arn("group/ops"),
                arn("policy/Local"));

    AuthorizationDetails details = read(json);
    Principal user = principal(details, arn("user/deployer"));

    assertThat(user.grants())
        .containsExactly(
            new Grant(Grant.Effect.ALLOW, "sqs:SendMessage", false, "inline:Queue#1"),
            new Grant(Grant.Effect.ALLOW, "iam:*", true, arn("policy/Local") + "#1"),
            new Grant(Grant.Effect.ALLOW, "organizations:*", true, arn("policy/Local") + "#1"),
            new Grant(Grant.Effect.DENY, "iam:*", false, "group:ops/inline:OpsInline#1"));
    assertThat(details.notExpanded().get(user.identity()))
        .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess", "group/ghost");
    assertThat(user.created()).isEqualTo(Instant.parse("2023-03-09T10:41:45Z"));
    assertThat(user.actorClass()).isEqualTo(ActorClass.NON_HUMAN);
    assertThat(user.owner()).isEqualTo("ana@example.com");
    assertThat(user.account()).isEqualTo(ACCOUNT);
    assertThat(details.users()).isEqualTo(1);
    assertThat(details.groups()).isEqualTo(1);
    assertThat(details.policies()).isEqualTo(1);
  }

  @Test
  void rolesBecomeCredentialsWithActorFromPathAndName() throws Exception {
    String json =
        """
        {'RoleDetailList': [
          {'RoleName': 'AWSServiceRoleForSupport',
           'Path': '/aws-service-role/support.amazonaws.com/', 'Arn': '%s',
           'CreateDate': '2022-01-01T00:00:00Z', 'RoleLastUsed': {}},
          {'RoleName': 'AWSReservedSSO_Admin_0123', 'Path': '/aws-reserved/sso.amazonaws.com/',
           'Arn': '%s', 'CreateDate': '2022-01-01T00:00:00Z',
           'RoleLastUsed': {'LastUsedDate': '2023-05-01T08:00:00+00:00', 'Region': 'eu-west-1'}},
          {'RoleName': 'ci-deploy', 'Path': '/', 'Arn': '%s',
           'CreateDate': '2022-01-01 00:00:00+00:00',
           'RolePolicyList': [{'PolicyName': 'p', 'PolicyDocument':
              {'Statement': [{'Effect': 'Allow', 'Action': ['s3:Get*', 's3:List*']}]}}],
           'Tags': [{'Key': 'Environment', 'Value': 'prod'}]}
        ]}
        """
            .formatted(
                arn("role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport"),
                arn("role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123"),
                arn("role/ci-deploy"));

    AuthorizationDetails details = read(json);

    assertThat(details.roleCredentials())
        .extracting(CredentialRecord::actorClass)
        .containsExactly(ActorClass.SERVICE, ActorClass.HUMAN, ActorClass.NON_HUMAN);
    CredentialRecord sso = details.roleCredentials().get(1);
    assertThat(sso.kind()).isEqualTo(CredentialKind.ROLE);
    assertThat(sso.lastUsed()).isEqualTo(Instant.parse("2023-05-01T08:00:00Z"));
    assertThat(details.roleCredentials().get(0).lastUsed()).isNull();
    CredentialRecord ci = details.roleCredentials().get(2);
    assertThat(ci.credential()).isEqualTo(arn("role/ci-deploy"));
    assertThat(ci.identity()).isEqualTo(ci.credential());
    assertThat(ci.environment()).isEqualTo("prod");
    assertThat(principal(details, ci.identity()).grants())
        .extracting(Grant::action)
        .containsExactly("s3:Get*", "s3:List*");
  }

  @Test
  void ssoRoleIsHumanByNameAlone() {
    assertThat(AuthorizationDetailsReader.roleActor("/", "AWSReservedSSO_ReadOnly_abc"))
        .isEqualTo(ActorClass.HUMAN);
    assertThat(AuthorizationDetailsReader.roleActor("/service-role/", "lambda-exec"))
        .isEqualTo(ActorClass.NON_HUMAN);
  }

  @Test
  void badValuesNameTheEntryAndField() {
    String badDate =
        "{'UserDetailList': [{'UserName': 'u', 'Arn': '%s', 'CreateDate': 'last tuesday'}]}"
            .formatted(arn("user/u"));
    assertThatThrownBy(() -> read(badDate))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("gaad.json")
        .hasMessageContaining("UserDetailList[0]")
        .hasMessageContaining("CreateDate");

    String badEffect =
        ("{'RoleDetailList': [{'RoleName': 'r', 'Arn': '%s', 'RolePolicyList': [{"
                + "'PolicyName': 'p', 'PolicyDocument': {'Statement': "
                + "[{'Effect': 'Permit', 'Action': '*'}]}}]}]}")
            .formatted(arn("role/r"));
    assertThatThrownBy(() -> read(badEffect))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("RoleDetailList[0]")
        .hasMessageContaining("Effect")
        .hasMessageContaining("Permit");

    String missingArn = "{'UserDetailList': [{'UserName': 'u'}]}";
    assertThatThrownBy(() -> read(missingArn))
        .isInstanceOf(InventoryException.class)
        .extracting(e -> ((InventoryException) e).field())
        .isEqualTo("Arn");
  }

  @Test
  void policyTextThatIsPlainJsonIsAlsoRead() {
    JsonNode text =
        Json.MAPPER
            .getNodeFactory()
            .textNode("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\"}}");
    List<Grant> grants = PolicyDocuments.grants(text, "p", "f", "here");
    assertThat(grants).extracting(Grant::action).containsExactly("kms:Decrypt");
  }
}
