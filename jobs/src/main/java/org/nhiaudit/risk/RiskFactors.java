package org.nhiaudit.risk;

import java.util.List;
import java.util.Optional;

/**
 * The factors scoring uses, in a fixed order. The order breaks ties between factors with equal
 * points, in the factor list of a score and in the choice of the recommended action.
 */
public final class RiskFactors {

  private static final List<RiskFactor> ALL =
      List.of(
          new RootCredential(),
          new AdminGrant(),
          new BroadScope(),
          new KeyAge(),
          new Dormant(),
          new UnusedPermissions(),
          new HumanUse(),
          new DeniedCalls(),
          new NoOwner());

  private RiskFactors() {}

  /** Every factor, in tie-breaking order. */
  public static List<RiskFactor> all() {
    return ALL;
  }

  /** The factor with {@code id}, e.g. to show its remediation beside a score's factor result. */
  public static Optional<RiskFactor> byId(String id) {
    return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
