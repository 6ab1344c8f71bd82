package org.nhiaudit.sample;

import java.util.Map;
import java.util.Set;

/** How IAM action prefixes map to the service endpoints CloudTrail names as event sources. */
final class Services {

  /** The prefixes whose endpoint name differs from the prefix. */
  private static final Map<String, String> ENDPOINTS =
      Map.of("cloudwatch", "monitoring", "tag", "tagging");

  private static final Set<String> GLOBAL = Set.of("iam", "sts", "signin", "ce", "route53");

  private Services() {}

  /** {@code s3:GetObject} becomes {@code s3.amazonaws.com}. */
  static String eventSource(String action) {
    String prefix = action.substring(0, action.indexOf(':'));
    return ENDPOINTS.getOrDefault(prefix, prefix) + ".amazonaws.com";
  }

  static boolean isGlobal(String prefix) {
    return GLOBAL.contains(prefix);
  }
}
