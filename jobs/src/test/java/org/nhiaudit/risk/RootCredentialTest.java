package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.MASKED;
import static org.nhiaudit.risk.Fixtures.inventory;
import static org.nhiaudit.risk.Fixtures.usage;

import org.junit.jupiter.api.Test;
import org.nhiaudit.model.CredentialKind;

class RootCredentialTest {

  private static final String ROOT = "arn:aws:iam::123456789012:root";

  private final RootCredential factor = new RootCredential();

  private static Subject rootWith(String... agents) {
    return Fixtures.subject(
        usage().identity(ROOT, "Root").calls(57, 0).agents(agents).build(), null, null, null);
  }

  @Test
  void programmaticUseOfRootGivesTheFullWeight() {
    FactorResult r = Fixtures.found(factor, rootWith("aws-cli/2.15.0"), DEFAULTS);

    assertThat(r.points()).isEqualTo(DEFAULTS.rootCredential().weight());
    assertThat(r.evidence())
        .isEqualTo(
            "access key "
                + MASKED
                + " of the root "
                + ROOT
                + " made 57 calls, among them"
                + " from \"aws-cli/2.15.0\"");
  }

  @Test
  void noAgentLoggedCountsAsProgrammatic() {
    assertThat(Fixtures.found(factor, rootWith(), DEFAULTS).evidence())
        .endsWith("none with a user agent logged");
  }

  @Test
  void aBrowserSignInAloneIsNotScoredHere() {
    assertThat(Fixtures.evaluate(factor, rootWith("Mozilla/5.0 Firefox/126.0")))
        .isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void anActiveRootAccessKeyCountsEvenUnused() {
    Subject s = Fixtures.subject(null, inventory().identity(ROOT).build(), null, null);
    Subject disabled =
        Fixtures.subject(null, inventory().identity(ROOT).inactive().build(), null, null);

    assertThat(Fixtures.found(factor, s, DEFAULTS).evidence())
        .isEqualTo("access key " + MASKED + " is an active access key of the root " + ROOT);
    assertThat(Fixtures.evaluate(factor, disabled)).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void rootIsRecognisedByKindIdentityOrType() {
    Subject byKind =
        Fixtures.subject(
            usage().credential("root-1234", CredentialKind.ROOT).identity("acct", null).build(),
            null,
            null,
            null);

    assertThat(RootCredential.isRoot(byKind)).isTrue();
    assertThat(RootCredential.isRoot(rootWith())).isTrue();
    assertThat(RootCredential.isRoot(Fixtures.subject(usage().build(), null, null, null)))
        .isFalse();
  }
}
