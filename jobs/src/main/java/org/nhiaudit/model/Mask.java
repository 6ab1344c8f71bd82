package org.nhiaudit.model;

/**
 * Partial masking of credential ids for documents people read. Machine-readable outputs keep the
 * full id; packets and evidence sentences show only enough to tell keys apart.
 */
public final class Mask {

  private static final char ELLIPSIS = '\u2026';

  private Mask() {}

  /**
   * Keeps the first four and last four characters of an opaque id ({@code AKIA…WXYZ}). ARNs and
   * e-mail-like ids name a principal rather than hold a secret and are returned unchanged; ids of
   * eight characters or fewer are masked whole but for the last two.
   */
  public static String credential(String id) {
    if (id == null || id.isEmpty()) {
      return id;
    }
    if (id.startsWith("arn:") || id.contains("@") || id.contains("/") || id.contains(":")) {
      return id;
    }
    if (id.length() <= 8) {
      return ELLIPSIS + id.substring(Math.max(0, id.length() - 2));
    }
    return id.substring(0, 4) + ELLIPSIS + id.substring(id.length() - 4);
  }
}
