package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.MASKED;
import static org.nhiaudit.risk.Fixtures.usage;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nhiaudit.inventory.Grant;
import org.nhiaudit.inventory.PermissionUse;

class AdminGrantTest {

  private final AdminGrant factor = new AdminGrant();
  private final AdminGrant.Settings s = DEFAULTS.adminGrant();

  private static Subject with(PermissionUse p) {
    List<Grant> grants =
        List.of(
            new Grant(Grant.Effect.ALLOW, "*", false, "AdministratorAccess"),
            new Grant(Grant.Effect.ALLOW, "iam:*", false, "IAMFullAccess"),
            new Grant(Grant.Effect.ALLOW, "s3:GetObject", false, "ReadOnly"));
    return Fixtures.subject(usage().build(), null, Fixtures.principal("o", Map.of(), grants), p);
  }

  @Test
  void fullControlGivesTheFullWeightAndNamesThePolicies() {
    FactorResult r =
        Fixtures.found(factor, with(Fixtures.admin(List.of("*", "iam:*"), List.of())), DEFAULTS);

    assertThat(r.points()).isEqualTo(s.weight());
    assertThat(r.evidence())
        .isEqualTo(
            "access key "
                + MASKED
                + " may use *, iam:* (from AdministratorAccess, IAMFullAccess); 0 of them used in"
                + " the logs");
  }

  @Test
  void serviceWideGrantsAloneGiveTheirShare() {
    FactorResult r =
        Fixtures.found(factor, with(Fixtures.admin(List.of("iam:*"), List.of("iam:*"))), DEFAULTS);

    assertThat(r.points()).isEqualTo((int) Math.round(s.weight() * s.serviceWideShare()));
    assertThat(r.evidence()).endsWith("1 of them used in the logs");
  }

  @Test
  void noAdministrativeGrantScoresNothing() {
    assertThat(Fixtures.evaluate(factor, with(Fixtures.admin(List.of(), List.of()))))
        .isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void needsAnInventoryAndGrants() {
    assertThat(Fixtures.evaluate(factor, Subject.of(usage().build(), null, null, null, false)))
        .isEqualTo(Evaluation.notEvaluated("no inventory given"));
    assertThat(Fixtures.evaluate(factor, Subject.of(usage().build(), null, null, null, true)))
        .isEqualTo(Evaluation.notEvaluated("no grants known for this identity"));
  }
}
