package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Policy documents of the sample company. AWS managed policies are given in a short form that keeps
 * their effect (full access, everything but IAM, read-only) rather than their full text.
 */
final class Policies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Policies() {}

  /** An Allow statement over {@code actions} on every resource. */
  static ObjectNode allow(List<String> actions) {
    ObjectNode document = NODES.objectNode();
    document.put("Version", "2012-10-17");
    ObjectNode statement = document.putArray("Statement").addObject();
    statement.put("Effect", "Allow");
    if (actions.size() == 1) {
      statement.put("Action", actions.get(0));
    } else {
      ArrayNode list = statement.putArray("Action");
      actions.forEach(list::add);
    }
    statement.put("Resource", "*");
    return document;
  }

  /** The document of an AWS managed policy the company attaches. */
  static ObjectNode managed(String name) {
    return switch (name) {
      case "AdministratorAccess" -> allow(List.of("*"));
      case "PowerUserAccess" -> powerUser();
      case "ReadOnlyAccess" ->
          allow(List.of("*:Describe*", "*:Get*", "*:List*", "cloudtrail:LookupEvents"));
      case "AutoScalingServiceRolePolicy" ->
          allow(
              List.of(
                  "ec2:RunInstances",
                  "ec2:TerminateInstances",
                  "ec2:Describe*",
                  "ec2:CreateTags",
                  "elasticloadbalancing:RegisterTargets",
                  "elasticloadbalancing:DeregisterTargets",
                  "cloudwatch:PutMetricAlarm",
                  "iam:PassRole"));
      default -> throw new IllegalArgumentException("no document for " + name);
    };
  }

  /** Who may assume a role: a service, the CI's OIDC provider, a CI role, or SSO. */
  static ObjectNode trust(Actor role, String ciRoleArn) {
    ObjectNode document = NODES.objectNode();
    document.put("Version", "2012-10-17");
    ObjectNode statement = document.putArray("Statement").addObject();
    statement.put("Effect", "Allow");
    ObjectNode principal = statement.putObject("Principal");
    switch (role.kind() == Actor.Kind.SSO_PERSON ? Actor.Opener.NONE : role.opener()) {
      case SERVICE -> principal.put("Service", role.caller());
      case ROLE -> principal.put("AWS", ciRoleArn);
      case WEB_IDENTITY -> webIdentity(statement, principal, role);
      case NONE -> principalForOthers(statement, principal, role);
    }
    if (!statement.has("Action")) {
      statement.put("Action", "sts:AssumeRole");
    }
    return document;
  }

  private static void webIdentity(ObjectNode statement, ObjectNode principal, Actor role) {
    principal.put("Federated", "arn:aws:iam::" + role.account() + ":oidc-provider/" + Oidc.ISSUER);
    statement.put("Action", "sts:AssumeRoleWithWebIdentity");
    ObjectNode condition = statement.putObject("Condition");
    condition
        .putObject("StringEquals")
        .put(Oidc.ISSUER + ":aud", Oidc.AUDIENCE)
        .put(Oidc.ISSUER + ":sub", Oidc.subject());
  }

  private static void principalForOthers(ObjectNode statement, ObjectNode principal, Actor role) {
    if (role.kind() == Actor.Kind.SSO_PERSON) {
      principal.put(
          "Federated", "arn:aws:iam::" + role.account() + ":saml-provider/AWSSSO_example");
      statement.set(
          "Action", NODES.arrayNode().add("sts:AssumeRoleWithSAML").add("sts:TagSession"));
      return;
    }
    principal.put("Service", role.caller());
  }

  private static ObjectNode powerUser() {
    ObjectNode document = NODES.objectNode();
    document.put("Version", "2012-10-17");
    ArrayNode statements = document.putArray("Statement");
    ObjectNode most = statements.addObject();
    most.put("Effect", "Allow");
    most.set("NotAction", NODES.arrayNode().add("iam:*").add("organizations:*").add("account:*"));
    most.put("Resource", "*");
    ObjectNode linked = statements.addObject();
    linked.put("Effect", "Allow");
    linked.set(
        "Action",
        NODES
            .arrayNode()
            .add("iam:CreateServiceLinkedRole")
            .add("iam:DeleteServiceLinkedRole")
            .add("iam:ListRoles"));
    linked.put("Resource", "*");
    return document;
  }
}
