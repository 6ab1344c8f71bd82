package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.inventory;
import static org.nhiaudit.risk.Fixtures.usage;

import org.junit.jupiter.api.Test;
import org.nhiaudit.model.CredentialKind;

class BroadScopeTest {

  private static final String TOKEN = "ghp-token-4711";

  private final BroadScope factor = new BroadScope();

  @Test
  void anAdministrativeScopeGivesTheFullWeightAndNamesIt() {
    Subject s =
        Fixtures.subject(
            null,
            inventory()
                .credential(TOKEN, CredentialKind.TOKEN)
                .scopes("repo", "admin:org", "read:user")
                .build(),
            null,
            null);

    FactorResult r = Fixtures.found(factor, s, DEFAULTS);

    assertThat(r.points()).isEqualTo(DEFAULTS.broadScope().weight());
    assertThat(r.evidence()).contains("holds broad scopes admin:org", "(1 of its 3 scopes)");
  }

  @Test
  void patternsMatchWithoutRegardToCaseAndWithWildcardsInside() {
    Subject okta =
        Fixtures.subject(
            null,
            inventory().credential(TOKEN, CredentialKind.TOKEN).scopes("Okta.Users.Manage").build(),
            null,
            null);
    Subject graph =
        Fixtures.subject(
            null,
            inventory()
                .credential(TOKEN, CredentialKind.APP)
                .scopes("User.Read", "Directory.ReadWrite.All")
                .build(),
            null,
            null);

    assertThat(Fixtures.found(factor, okta, DEFAULTS).evidence()).contains("Okta.Users.Manage");
    assertThat(Fixtures.found(factor, graph, DEFAULTS).evidence())
        .contains("Directory.ReadWrite.All")
        .doesNotContain("User.Read,");
  }

  @Test
  void narrowScopesOrNoScopesAreClear() {
    Subject narrow =
        Fixtures.subject(
            null,
            inventory().credential(TOKEN, CredentialKind.TOKEN).scopes("read:org", "repo").build(),
            null,
            null);
    Subject none = Fixtures.subject(null, inventory().build(), null, null);

    assertThat(Fixtures.evaluate(factor, narrow)).isInstanceOf(Evaluation.Clear.class);
    assertThat(Fixtures.evaluate(factor, none)).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void withoutAnInventoryItIsNotEvaluated() {
    Subject s = new Subject("k", null, "aws", null, usage().build(), null, null, null, false);

    assertThat(Fixtures.evaluate(factor, s))
        .isEqualTo(Evaluation.notEvaluated("no inventory given"));
  }

  @Test
  void theConfiguredPatternsReplaceTheDefaults() {
    RiskConfig only =
        Fixtures.config("risk:\n  factors:\n    broad-scope:\n      patterns: [repo]\n");
    Subject s =
        Fixtures.subject(
            null,
            inventory().credential(TOKEN, CredentialKind.TOKEN).scopes("repo").build(),
            null,
            null);

    assertThat(Fixtures.found(factor, s, only).evidence()).contains("holds broad scopes repo");
  }
}
