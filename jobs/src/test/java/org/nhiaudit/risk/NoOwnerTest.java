package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.MASKED;
import static org.nhiaudit.risk.Fixtures.USER;
import static org.nhiaudit.risk.Fixtures.inventory;
import static org.nhiaudit.risk.Fixtures.usage;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoOwnerTest {

  private final NoOwner factor = new NoOwner();
  private final NoOwner.Settings s = DEFAULTS.noOwner();

  @Test
  void anOwnerOnTheCredentialOrItsPrincipalIsEnough() {
    Subject onCredential = Fixtures.subject(null, inventory().build(), null, null);
    Subject onPrincipal =
        Fixtures.subject(
            null,
            inventory().owner(null, null).build(),
            Fixtures.principal("platform@example.com", Map.of(), List.of()),
            null);

    assertThat(Fixtures.evaluate(factor, onCredential)).isInstanceOf(Evaluation.Clear.class);
    assertThat(Fixtures.evaluate(factor, onPrincipal)).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void nobodyNamedGivesTheFullWeight() {
    Subject s = Fixtures.subject(null, inventory().owner(" ", null).build(), null, null);

    FactorResult r = Fixtures.found(factor, s, DEFAULTS);

    assertThat(r.points()).isEqualTo(this.s.weight());
    assertThat(r.evidence())
        .isEqualTo(
            "no owner or team is named for access key " + MASKED + " or its principal " + USER);
  }

  @Test
  void aTeamWithoutAnOwnerGivesTheTeamShare() {
    Subject s = Fixtures.subject(null, inventory().owner(null, "payments").build(), null, null);

    FactorResult r = Fixtures.found(factor, s, DEFAULTS);

    assertThat(r.points()).isEqualTo((int) Math.round(this.s.weight() * this.s.teamOnlyShare()));
    assertThat(r.evidence()).contains("only the team payments");
  }

  @Test
  void aCredentialMissingFromTheInventoryHasNoOwner() {
    FactorResult r =
        Fixtures.found(factor, Fixtures.subject(usage().build(), null, null, null), DEFAULTS);

    assertThat(r.evidence())
        .isEqualTo("access key " + MASKED + " is not in the inventory, so nobody is its owner");
  }

  @Test
  void withoutAnInventoryItIsNotEvaluated() {
    assertThat(Fixtures.evaluate(factor, Subject.of(usage().build(), null, null, null, false)))
        .isEqualTo(Evaluation.notEvaluated("no inventory given"));
  }
}
