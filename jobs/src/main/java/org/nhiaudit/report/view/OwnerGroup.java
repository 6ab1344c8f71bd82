package org.nhiaudit.report.view;

import java.util.List;

/** The credentials one owner answers for, riskiest first. */
public record OwnerGroup(OwnerView owner, List<CredentialView> credentials) {

  public OwnerGroup {
    credentials = List.copyOf(credentials);
  }
}
