package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Builds CloudTrail records in the shape CloudTrail delivers them to S3: one JSON object per call,
 * with the {@code userIdentity} variant that matches how the caller signed in.
 */
final class TrailRecords {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String VERSION = "1.10";
  private static final Set<String> READ_PREFIXES =
      Set.of("Get", "List", "Describe", "Head", "Lookup", "Filter", "Scan", "Query", "BatchGet");
  private static final Set<String> DATA_EVENTS =
      Set.of(
          "s3:GetObject",
          "s3:PutObject",
          "s3:DeleteObject",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "sns:Publish",
          "sqs:SendMessage",
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage");

  private final Ids ids;

  TrailRecords(Ids ids) {
    this.ids = ids;
  }

  /** A call made in {@code session}; {@code denied} makes it an AccessDenied refusal. */
  ObjectNode call(Session session, Instant time, String action, boolean denied) {
    Actor actor = session.actor();
    String region = regionOf(action, session.region());
    ObjectNode record = head(identity(session), time, action, region);
    record.put("sourceIPAddress", session.sourceIp());
    record.put("userAgent", session.userAgent());
    if (denied) {
      record.put("errorCode", "AccessDenied");
      record.put("errorMessage", refusal(session, action, region));
    }
    record.set("requestParameters", RequestParameters.of(action, actor, region));
    record.putNull("responseElements");
    return tail(record, action, actor.account(), true);
  }

  /** An AWS service (Lambda, ECS, EC2, CodeBuild) assuming a role to run a workload. */
  ObjectNode serviceAssumes(Session session) {
    Actor role = session.actor();
    ObjectNode identity = NODES.objectNode();
    identity.put("type", "AWSService");
    identity.put("invokedBy", role.caller());
    ObjectNode record = head(identity, session.start(), "sts:AssumeRole", Catalog.EAST);
    record.put("sourceIPAddress", role.caller());
    record.put("userAgent", role.caller());
    record.set("requestParameters", assumeParameters(session));
    record.putNull("responseElements");
    return withRoleResource(tail(record, "sts:AssumeRole", role.account(), false), role);
  }

  /** A CI job trading its OIDC token for its role; logged in the role's account. */
  ObjectNode webIdentityAssumes(Session session, String subject) {
    Actor role = session.actor();
    String provider = "arn:aws:iam::" + role.account() + ":oidc-provider/" + Oidc.ISSUER;
    ObjectNode identity = NODES.objectNode();
    identity.put("type", "WebIdentityUser");
    identity.put("principalId", provider + ":" + Oidc.AUDIENCE + ":" + subject);
    identity.put("userName", subject);
    identity.put("identityProvider", provider);
    ObjectNode record =
        head(identity, session.start(), "sts:AssumeRoleWithWebIdentity", Catalog.EAST);
    record.put("sourceIPAddress", session.sourceIp());
    record.put("userAgent", session.userAgent());
    record.set("requestParameters", assumeParameters(session));
    record.set("responseElements", issued(session));
    return withRoleResource(tail(record, "sts:AssumeRole", role.account(), false), role);
  }

  /** One role session assuming another role, possibly across accounts. */
  ObjectNode roleAssumes(Session caller, Session target) {
    ObjectNode record = head(identity(caller), target.start(), "sts:AssumeRole", Catalog.EAST);
    record.put("sourceIPAddress", caller.sourceIp());
    record.put("userAgent", caller.userAgent());
    record.set("requestParameters", assumeParameters(target));
    record.set("responseElements", issued(target));
    ObjectNode done = tail(record, "sts:AssumeRole", target.actor().account(), false);
    return withRoleResource(done, target.actor());
  }

  /** A password sign-in to the console, with MFA. */
  ObjectNode consoleLogin(Session session) {
    Actor user = session.actor();
    ObjectNode identity = NODES.objectNode();
    identity.put("type", "IAMUser");
    identity.put("principalId", user.principalId());
    identity.put("arn", user.arn());
    identity.put("accountId", user.account());
    identity.put("userName", user.name());
    ObjectNode record = head(identity, session.start(), "signin:ConsoleLogin", Catalog.EAST);
    record.put("sourceIPAddress", session.sourceIp());
    record.put("userAgent", session.userAgent());
    record.putNull("requestParameters");
    record.set("responseElements", NODES.objectNode().put("ConsoleLogin", "Success"));
    ObjectNode extra = record.putObject("additionalEventData");
    extra.put("MobileVersion", "No");
    extra.put("MFAUsed", "Yes");
    ObjectNode done = tail(record, "signin:ConsoleLogin", user.account(), false);
    done.put("eventType", "AwsConsoleSignIn");
    return done;
  }

  private ObjectNode head(ObjectNode identity, Instant time, String action, String region) {
    ObjectNode record = NODES.objectNode();
    record.put("eventVersion", VERSION);
    record.set("userIdentity", identity);
    record.put("eventTime", time.truncatedTo(ChronoUnit.SECONDS).toString());
    record.put("eventSource", Services.eventSource(action));
    record.put("eventName", action.substring(action.indexOf(':') + 1));
    record.put("awsRegion", region);
    return record;
  }

  private ObjectNode tail(ObjectNode record, String action, String account, boolean mayBeData) {
    boolean data = mayBeData && DATA_EVENTS.contains(action);
    record.put("requestID", ids.uuid());
    record.put("eventID", ids.uuid());
    record.put("readOnly", isReadOnly(action));
    record.put("eventType", "AwsApiCall");
    record.put("managementEvent", !data);
    record.put("recipientAccountId", account);
    record.put("eventCategory", data ? "Data" : "Management");
    return record;
  }

  private ObjectNode identity(Session session) {
    Actor actor = session.actor();
    ObjectNode identity = NODES.objectNode();
    if (!actor.isRole()) {
      identity.put("type", "IAMUser");
      identity.put("principalId", actor.principalId());
      identity.put("arn", actor.arn());
      identity.put("accountId", actor.account());
      identity.put("accessKeyId", session.keyId());
      identity.put("userName", actor.name());
      if (actor.kind() == Actor.Kind.CONSOLE_USER) {
        identity.set("sessionContext", sessionContext(session, null, true));
        identity.put("sessionCredentialFromConsole", "true");
      }
      return identity;
    }
    identity.put("type", "AssumedRole");
    identity.put("principalId", actor.principalId() + ":" + session.sessionName());
    identity.put("arn", sessionArn(session));
    identity.put("accountId", actor.account());
    identity.put("accessKeyId", session.keyId());
    identity.set("sessionContext", sessionContext(session, issuer(actor), false));
    if (actor.kind() == Actor.Kind.SERVICE_LINKED_ROLE) {
      identity.put("invokedBy", actor.caller());
    }
    if (actor.kind() == Actor.Kind.SSO_PERSON) {
      identity.put("sessionCredentialFromConsole", "true");
    }
    return identity;
  }

  private static ObjectNode issuer(Actor role) {
    ObjectNode issuer = NODES.objectNode();
    issuer.put("type", "Role");
    issuer.put("principalId", role.principalId());
    issuer.put("arn", role.arn());
    issuer.put("accountId", role.account());
    issuer.put("userName", role.name());
    return issuer;
  }

  private static ObjectNode sessionContext(Session session, ObjectNode issuer, boolean mfa) {
    ObjectNode context = NODES.objectNode();
    if (issuer != null) {
      context.set("sessionIssuer", issuer);
      context.putObject("webIdFederationData");
    }
    ObjectNode attributes = context.putObject("attributes");
    attributes.put("creationDate", session.start().truncatedTo(ChronoUnit.SECONDS).toString());
    attributes.put("mfaAuthenticated", String.valueOf(mfa));
    return context;
  }

  private static String sessionArn(Session session) {
    Actor role = session.actor();
    return "arn:aws:sts::"
        + role.account()
        + ":assumed-role/"
        + role.name()
        + "/"
        + session.sessionName();
  }

  private static ObjectNode assumeParameters(Session target) {
    ObjectNode parameters = NODES.objectNode();
    parameters.put("roleArn", target.actor().arn());
    parameters.put("roleSessionName", target.sessionName());
    parameters.put("durationSeconds", 3600);
    return parameters;
  }

  /** What STS hands back, without any secret: the key id, the expiry and the session's ARN. */
  private static ObjectNode issued(Session target) {
    ObjectNode response = NODES.objectNode();
    ObjectNode credentials = response.putObject("credentials");
    credentials.put("accessKeyId", target.keyId());
    credentials.put("expiration", target.start().plusSeconds(3600).toString());
    ObjectNode user = response.putObject("assumedRoleUser");
    user.put("assumedRoleId", target.actor().principalId() + ":" + target.sessionName());
    user.put("arn", sessionArn(target));
    return response;
  }

  private static ObjectNode withRoleResource(ObjectNode record, Actor role) {
    ObjectNode resource = record.putArray("resources").addObject();
    resource.put("accountId", role.account());
    resource.put("type", "AWS::IAM::Role");
    resource.put("ARN", role.arn());
    return record;
  }

  private static String refusal(Session session, String action, String region) {
    Actor actor = session.actor();
    String caller = actor.isRole() ? sessionArn(session) : actor.arn();
    String resource = RequestParameters.resourceArn(action, actor, region);
    return "User: "
        + caller
        + " is not authorized to perform: "
        + action
        + " on resource: "
        + resource
        + " because no identity-based policy allows the "
        + action
        + " action";
  }

  /** IAM and a few other services are global: their calls are logged in us-east-1. */
  private static String regionOf(String action, String sessionRegion) {
    String service = action.substring(0, action.indexOf(':'));
    return Services.isGlobal(service) ? Catalog.EAST : sessionRegion;
  }

  private static boolean isReadOnly(String action) {
    String operation = action.substring(action.indexOf(':') + 1);
    if (action.startsWith("sts:AssumeRole")) {
      return true;
    }
    for (String prefix : READ_PREFIXES) {
      if (operation.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
