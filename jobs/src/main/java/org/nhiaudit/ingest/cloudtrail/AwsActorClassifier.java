package org.nhiaudit.ingest.cloudtrail;

import static org.nhiaudit.ingest.cloudtrail.AwsPrincipal.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Locale;
import org.nhiaudit.model.ActorClass;

/**
 * Decides whether a CloudTrail call was made by software with its own credential, by a person, or
 * by AWS itself. The first rule that matches wins; its id is kept on the event so that every
 * decision can be explained.
 *
 * <ol>
 *   <li>{@code aws.service.principal} SERVICE: {@code userIdentity.type} is {@code AWSService}.
 *   <li>{@code aws.service.invoked-by} SERVICE: {@code invokedBy} names a service and no access key
 *       was used (service events without a type, service-linked role calls).
 *   <li>{@code aws.role.service-linked} SERVICE: the assumed role lives under {@code
 *       /aws-service-role/}, so only AWS can assume it.
 *   <li>{@code aws.console.session} HUMAN: {@code sessionCredentialFromConsole} is true.
 *   <li>{@code aws.role.sso} HUMAN: the role is an IAM Identity Center role ({@code
 *       AWSReservedSSO_*}).
 *   <li>{@code aws.console.sign-in} HUMAN: a sign-in event ({@code signin.amazonaws.com}) made
 *       without an access key.
 *   <li>{@code aws.root.access-key} NON_HUMAN: root with a long-term key; {@code aws.root.console}
 *       HUMAN: root without one.
 *   <li>{@code aws.user.access-key} NON_HUMAN: an IAM user's long-term {@code AKIA} key, whatever
 *       the user agent. A browser using a machine key is a risk signal, not a person's credential.
 *   <li>{@code aws.user.mfa-session} HUMAN: an IAM user's {@code ASIA} session with MFA; {@code
 *       aws.user.console-agent} HUMAN: the same with a console or browser user agent; {@code
 *       aws.service.on-behalf} SERVICE: the same session used by a service named in {@code
 *       invokedBy} (forward access sessions, such as KMS calls made by Secrets Manager); {@code
 *       aws.user.session-token} NON_HUMAN: any other user session (GetSessionToken by software).
 *   <li>{@code aws.role.ec2-instance} NON_HUMAN: an instance-profile session ({@code
 *       ec2RoleDelivery}, or a session named after an instance id {@code i-...}); {@code
 *       aws.role.lambda} NON_HUMAN: a session from the Lambda runtime; {@code aws.role.mfa} HUMAN:
 *       a role assumed with MFA; {@code aws.role.assumed} NON_HUMAN: any other assumed role.
 *   <li>{@code aws.federated.token} NON_HUMAN: a federation token not used from the console.
 *   <li>{@code aws.saml.user} and {@code aws.identity-center.user} HUMAN; {@code aws.web-identity}
 *       NON_HUMAN (workload identity federation).
 *   <li>{@code aws.account.cross-account} NON_HUMAN: an {@code AWSAccount} principal of another
 *       account; {@code aws.account.same-account} NON_HUMAN otherwise.
 *   <li>{@code aws.fallback} NON_HUMAN: anything else, so that unknown principals are reviewed
 *       rather than hidden.
 * </ol>
 *
 * <p>Roles assumed with the CLI by a person without MFA look like software and are classed
 * NON_HUMAN: the log carries nothing that tells them apart.
 */
public final class AwsActorClassifier implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The class and the id of the rule that chose it. */
  public record Decision(ActorClass actorClass, String rule) implements Serializable {}

  /** Classifies {@code record}, a CloudTrail record (not a lookup-events or shipper envelope). */
  public Decision classify(JsonNode record) {
    Facts facts = Facts.of(record);
    Decision early = serviceOrConsole(facts);
    if (early != null) {
      return early;
    }
    return switch (facts.type) {
      case "Root" -> root(facts);
      case "IAMUser" -> user(facts);
      case "AssumedRole" -> role(facts);
      case "FederatedUser" -> nonHuman("aws.federated.token");
      case "SAMLUser" -> human("aws.saml.user");
      case "IdentityCenterUser" -> human("aws.identity-center.user");
      case "WebIdentityUser" -> nonHuman("aws.web-identity");
      case "AWSAccount" -> account(facts);
      default -> nonHuman("aws.fallback");
    };
  }

  private static Decision serviceOrConsole(Facts facts) {
    if ("AWSService".equals(facts.type)) {
      return service("aws.service.principal");
    }
    if (facts.invokedBy != null && facts.accessKey == null) {
      return service("aws.service.invoked-by");
    }
    if (facts.issuerArn != null && facts.issuerArn.contains(":role/aws-service-role/")) {
      return service("aws.role.service-linked");
    }
    if (facts.consoleSession) {
      return human("aws.console.session");
    }
    if (facts.issuerName != null && facts.issuerName.startsWith("AWSReservedSSO_")) {
      return human("aws.role.sso");
    }
    if ("signin.amazonaws.com".equals(facts.eventSource) && facts.accessKey == null) {
      return human("aws.console.sign-in");
    }
    return null;
  }

  private static Decision root(Facts facts) {
    return AccessKeys.isLongTerm(facts.accessKey)
        ? nonHuman("aws.root.access-key")
        : human("aws.root.console");
  }

  private static Decision user(Facts facts) {
    if (AccessKeys.isLongTerm(facts.accessKey)) {
      return nonHuman("aws.user.access-key");
    }
    if (facts.mfa) {
      return human("aws.user.mfa-session");
    }
    if (isConsoleAgent(facts.userAgent)) {
      return human("aws.user.console-agent");
    }
    if (facts.invokedBy != null) {
      return service("aws.service.on-behalf");
    }
    return nonHuman("aws.user.session-token");
  }

  private static Decision role(Facts facts) {
    if (facts.ec2RoleDelivery || isInstanceId(facts.sessionName)) {
      return nonHuman("aws.role.ec2-instance");
    }
    if (facts.userAgent != null && facts.userAgent.contains("AWS_Lambda")) {
      return nonHuman("aws.role.lambda");
    }
    if (facts.mfa) {
      return human("aws.role.mfa");
    }
    return nonHuman("aws.role.assumed");
  }

  private static Decision account(Facts facts) {
    boolean foreign =
        facts.accountId != null
            && facts.recipientAccountId != null
            && !facts.accountId.equals(facts.recipientAccountId);
    return nonHuman(foreign ? "aws.account.cross-account" : "aws.account.same-account");
  }

  /** The AWS console's own agents and browsers: {@code S3Console}, {@code console.ec2...}. */
  static boolean isConsoleAgent(String userAgent) {
    if (userAgent == null) {
      return false;
    }
    String lower = userAgent.toLowerCase(Locale.ROOT);
    return lower.contains("console") || lower.startsWith("mozilla/");
  }

  /**
   * EC2 instance ids: {@code i-} followed by 8 or 17 hexadecimal digits. Checked by hand rather
   * than with a regular expression, which allocates a matcher for every role call.
   */
  static boolean isInstanceId(String name) {
    if (name == null || (name.length() != 10 && name.length() != 19) || !name.startsWith("i-")) {
      return false;
    }
    for (int i = 2; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      if (!hex) {
        return false;
      }
    }
    return true;
  }

  private static Decision service(String rule) {
    return new Decision(ActorClass.SERVICE, rule);
  }

  private static Decision human(String rule) {
    return new Decision(ActorClass.HUMAN, rule);
  }

  private static Decision nonHuman(String rule) {
    return new Decision(ActorClass.NON_HUMAN, rule);
  }

  /** The few fields the rules look at, read once. */
  private record Facts(
      String type,
      String accessKey,
      String invokedBy,
      String issuerArn,
      String issuerName,
      String sessionName,
      boolean mfa,
      boolean ec2RoleDelivery,
      boolean consoleSession,
      String eventSource,
      String userAgent,
      String accountId,
      String recipientAccountId) {

    static Facts of(JsonNode record) {
      JsonNode who = record.path("userIdentity");
      JsonNode context = who.path("sessionContext");
      String type = text(who.path("type"));
      return new Facts(
          type == null ? AwsPrincipal.NO_TYPE : type,
          text(who.path("accessKeyId")),
          text(who.path("invokedBy")),
          text(context.path("sessionIssuer").path("arn")),
          text(context.path("sessionIssuer").path("userName")),
          sessionName(text(who.path("arn"))),
          isTrue(context.path("attributes").path("mfaAuthenticated")),
          text(context.path("ec2RoleDelivery")) != null,
          isTrue(record.path("sessionCredentialFromConsole")),
          text(record.path("eventSource")),
          text(record.path("userAgent")),
          text(who.path("accountId")),
          text(record.path("recipientAccountId")));
    }

    /** The last part of an {@code assumed-role/Name/session} ARN. */
    private static String sessionName(String arn) {
      if (arn == null || !arn.contains(":assumed-role/")) {
        return null;
      }
      return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** CloudTrail writes these flags as the string "true" or as a JSON boolean. */
    private static boolean isTrue(JsonNode flag) {
      return flag.isBoolean() ? flag.booleanValue() : "true".equalsIgnoreCase(flag.asText());
    }
  }
}
