package org.nhiaudit.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * File names for owner packets. Owner names come from inventories and tags, so they may hold any
 * character, including path separators; the stem keeps only lower-case letters, digits and dashes
 * and always ends with a short hash of the full name, so two owners whose names slug alike still
 * get different files and no name can reach outside the owners directory.
 */
public final class OwnerFileNames {

  /** The stem of the packet of credentials without an owner; real owners always carry a hash. */
  public static final String UNOWNED = "unowned";

  private static final int MAX_SLUG = 40;
  private static final int HASH_HEX_DIGITS = 10;

  private OwnerFileNames() {}

  /** The file stem for {@code owner}; null means unowned. */
  public static String stem(String owner) {
    if (owner == null) {
      return UNOWNED;
    }
    String slug = slug(owner);
    String hash = shortHash(owner);
    return slug.isEmpty() ? "owner-" + hash : slug + "-" + hash;
  }

  private static String slug(String owner) {
    String lower = owner.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean dash = false;
    for (int i = 0; i < lower.length() && out.length() < MAX_SLUG; i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        dash = false;
      } else if (!dash && out.length() > 0) {
        out.append('-');
        dash = true;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '-') {
      end--;
    }
    return out.substring(0, end);
  }

  private static String shortHash(String owner) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
