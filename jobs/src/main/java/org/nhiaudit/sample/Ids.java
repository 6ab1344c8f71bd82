package org.nhiaudit.sample;

import java.util.Random;
import java.util.UUID;

/**
 * Identifiers in the shapes AWS uses, drawn from one seeded random source so that a run can be
 * repeated byte for byte. None of them is a secret: access key ids and principal ids are public
 * names of credentials, never the key material.
 */
final class Ids {

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Random random;

  Ids(Random random) {
    this.random = random;
  }

  /** A long-lived IAM user key id: {@code AKIA} and 16 base-32 characters. */
  String accessKey() {
    return "AKIA" + draw(BASE32, 16);
  }

  /** A temporary key id of a role or console session: {@code ASIA} and 16 characters. */
  String sessionKey() {
    return "ASIA" + draw(BASE32, 16);
  }

  /** A unique id such as {@code AIDA…} (user), {@code AROA…} (role) or {@code ANPA…} (policy). */
  String unique(String prefix) {
    return prefix + draw(BASE32, 17);
  }

  /** A version-4 UUID for event and request ids. */
  String uuid() {
    long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The 16-character tail CloudTrail gives each delivery object name. */
  String objectSuffix() {
    return draw(ALPHANUMERIC, 16);
  }

  /** A lowercase hex string, for SSO permission-set suffixes and instance or task ids. */
  String hex(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }

  /** A number from 0 (inclusive) to {@code bound} (exclusive). */
  int below(int bound) {
    return random.nextInt(bound);
  }

  private String draw(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
