package org.nhiaudit.report.view;

import java.util.List;

/**
 * What one owner's packet shows. An owner with many credentials gets full detail for the riskiest
 * {@link #detailLimit} and one table row each for the rest; the workbook holds every one in full.
 *
 * @param owner the owner
 * @param detailed credentials shown in full, riskiest first
 * @param listed further credentials shown as one row each
 * @param detailLimit the most credentials a packet shows in full
 */
public record OwnerPacketView(
    OwnerView owner, List<CredentialView> detailed, List<CredentialView> listed, int detailLimit) {

  public OwnerPacketView {
    detailed = List.copyOf(detailed);
    listed = List.copyOf(listed);
  }
}
