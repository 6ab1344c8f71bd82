package org.nhiaudit.report.view;

/**
 * One owner in the list of owners: who, which file, and how much they have to review.
 *
 * @param owner the owner's name, or null for the unowned credentials
 * @param stem the file stem of the owner's packet and workbook
 * @param credentials how many credentials the owner answers for
 * @param critical how many of them are critical
 * @param high how many of them are high
 * @param maxScore the highest score among them
 */
public record OwnerView(
    String owner, String stem, int credentials, int critical, int high, int maxScore) {

  public String label() {
    return owner == null ? "unowned" : owner;
  }
}
