package org.nhiaudit.ingest.cloudtrail;

/** The two forms of AWS access key id that tell how long the credential lives. */
final class AccessKeys {

  private AccessKeys() {}

  /** A long-term key of an IAM user or the root user. */
  static boolean isLongTerm(String keyId) {
    return keyId != null && keyId.startsWith("AKIA");
  }

  /** A temporary key issued by STS for a session. */
  static boolean isTemporary(String keyId) {
    return keyId != null && keyId.startsWith("ASIA");
  }
}
