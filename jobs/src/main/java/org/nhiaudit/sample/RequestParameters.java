package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small, plausible {@code requestParameters} for the calls the sample company makes. Only the
 * resource a call names is filled in; AWS logs far more, but nothing here depends on it.
 */
final class RequestParameters {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RequestParameters() {}

  static JsonNode of(String action, Actor actor, String region) {
    String resource = actor.resource();
    if (resource == null) {
      return NullNode.getInstance();
    }
    String service = action.substring(0, action.indexOf(':'));
    ObjectNode parameters = NODES.objectNode();
    switch (service) {
      case "s3" -> s3(parameters, action, resource);
      case "dynamodb" -> parameters.put("tableName", resource);
      case "ecs" -> parameters.put("cluster", resource).put("service", resource + "-web");
      case "sqs" -> parameters.put("queueUrl", queueUrl(actor, region));
      case "kms" -> parameters.put("keyId", keyArn(actor, region));
      case "secretsmanager" -> parameters.put("secretId", resource + "/credentials");
      case "ssm" -> parameters.put("name", "/" + resource + "/config");
      case "glue" -> parameters.put("databaseName", "exports").put("tableName", resource);
      case "ecr" -> ecr(parameters, action, resource);
      default -> {
        return NullNode.getInstance();
      }
    }
    return parameters;
  }

  /** The ARN a refusal message names for {@code action}. */
  static String resourceArn(String action, Actor actor, String region) {
    if (action.startsWith("kms:")) {
      return keyArn(actor, region);
    }
    if (action.startsWith("secretsmanager:")) {
      return "arn:aws:secretsmanager:"
          + region
          + ":"
          + actor.account()
          + ":secret:"
          + actor.resource()
          + "/credentials";
    }
    return "*";
  }

  private static void s3(ObjectNode parameters, String action, String bucket) {
    if (action.equals("s3:ListAllMyBuckets")) {
      return;
    }
    parameters.put("bucketName", bucket);
    if (action.endsWith("Object")) {
      parameters.put("key", "incoming/part-0001.json.gz");
    }
  }

  private static void ecr(ObjectNode parameters, String action, String repository) {
    if (!action.equals("ecr:GetAuthorizationToken")) {
      parameters.put("repositoryName", repository);
    }
  }

  private static String queueUrl(Actor actor, String region) {
    return "https://sqs." + region + ".amazonaws.com/" + actor.account() + "/" + actor.resource();
  }

  private static String keyArn(Actor actor, String region) {
    return "arn:aws:kms:" + region + ":" + actor.account() + ":alias/" + actor.resource();
  }
}
