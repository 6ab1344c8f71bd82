package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.KEY_ID;
import static org.nhiaudit.risk.Fixtures.MASKED;
import static org.nhiaudit.risk.Fixtures.daysAgo;
import static org.nhiaudit.risk.Fixtures.inventory;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nhiaudit.inventory.CredentialRecord;
import org.nhiaudit.model.CredentialKind;

class KeyAgeTest {

  private final KeyAge factor = new KeyAge();
  private final int weight = DEFAULTS.keyAge().weight();

  private Subject key(CredentialRecord record) {
    return Fixtures.subject(null, record, null, null);
  }

  @Test
  void exactlyAtTheRotationPeriodScoresNothing() {
    Subject s = key(inventory().created(daysAgo(90)).build());

    assertThat(Fixtures.evaluate(factor, s)).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void partDaysAreDropped() {
    Subject s = key(inventory().created(daysAgo(90).minus(Duration.ofHours(23))).build());

    assertThat(Fixtures.evaluate(factor, s)).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void oneDayOverGivesAboutHalfTheWeight() {
    FactorResult r =
        Fixtures.found(factor, key(inventory().created(daysAgo(91)).build()), DEFAULTS);

    assertThat(r.points()).isEqualTo((int) Math.round(weight * (0.5 + 0.5 / 90)));
    assertThat(r.points()).isLessThan(weight);
  }

  @Test
  void pointsGrowWithAgeUpToTheFullWeightAtTwiceThePeriod() {
    int at120 =
        Fixtures.found(factor, key(inventory().created(daysAgo(120)).build()), DEFAULTS).points();
    int at180 =
        Fixtures.found(factor, key(inventory().created(daysAgo(180)).build()), DEFAULTS).points();
    int at900 =
        Fixtures.found(factor, key(inventory().created(daysAgo(900)).build()), DEFAULTS).points();

    assertThat(at120).isGreaterThan(weight / 2).isLessThan(at180);
    assertThat(at180).isEqualTo(weight);
    assertThat(at900).isEqualTo(weight);
  }

  @Test
  void evidenceNamesTheMaskedKeyTheAgeAndThePolicy() {
    FactorResult r =
        Fixtures.found(factor, key(inventory().created(daysAgo(412)).build()), DEFAULTS);

    assertThat(r.evidence())
        .isEqualTo(
            "access key "
                + MASKED
                + " created 412 days ago, never rotated, never expires; policy allows 90 days")
        .doesNotContain(KEY_ID);
    assertThat(r.owasp()).isEqualTo("NHI7");
    assertThat(r.id()).isEqualTo("key-age");
  }

  @Test
  void ageCountsFromTheLastRotation() {
    Subject rotatedLately = key(inventory().created(daysAgo(500)).rotated(daysAgo(30)).build());
    Subject rotatedLongAgo = key(inventory().created(daysAgo(500)).rotated(daysAgo(120)).build());

    assertThat(Fixtures.evaluate(factor, rotatedLately)).isInstanceOf(Evaluation.Clear.class);
    assertThat(Fixtures.found(factor, rotatedLongAgo, DEFAULTS).evidence())
        .contains("last rotated 120 days ago (created 500 days ago)")
        .doesNotContain("never rotated");
  }

  @Test
  void aSecretWithAnExpiryIsJudgedOnTheLifeItHasLeft() {
    Subject longLived = key(inventory().created(daysAgo(400)).expires(daysAgo(-200)).build());
    Subject endingSoon = key(inventory().created(daysAgo(400)).expires(daysAgo(-90)).build());
    Subject justOver = key(inventory().created(daysAgo(400)).expires(daysAgo(-91)).build());

    FactorResult r = Fixtures.found(factor, longLived, DEFAULTS);
    assertThat(r.evidence()).contains("still works for 200 days").doesNotContain("never expires");
    // 110 days over a 90-day limit is past twice the limit: the full weight.
    assertThat(r.points()).isEqualTo(weight);
    assertThat(Fixtures.evaluate(factor, endingSoon)).isInstanceOf(Evaluation.Clear.class);
    assertThat(Fixtures.found(factor, justOver, DEFAULTS).points()).isLessThan(weight);
  }

  @Test
  void rolesHoldNoSecretToRotate() {
    Subject role =
        key(
            inventory()
                .credential("arn:aws:iam::1:role/x", CredentialKind.ROLE)
                .created(daysAgo(900))
                .build());

    assertThat(Fixtures.evaluate(factor, role)).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void withoutTheFactsItSaysWhy() {
    Subject noDates = key(inventory().created(null).build());
    Subject notInInventory = Subject.of(Fixtures.usage().build(), null, null, null, true);
    Subject noInventory = Subject.of(Fixtures.usage().build(), null, null, null, false);

    assertThat(Fixtures.evaluate(factor, noDates))
        .isEqualTo(Evaluation.notEvaluated("no creation or rotation date in the inventory"));
    assertThat(Fixtures.evaluate(factor, notInInventory))
        .isEqualTo(Evaluation.notEvaluated("credential not in the inventory"));
    assertThat(Fixtures.evaluate(factor, noInventory))
        .isEqualTo(Evaluation.notEvaluated("no inventory given"));
  }

  @Test
  void theRotationPeriodComesFromConfiguration() {
    RiskConfig strict =
        Fixtures.config("risk:\n  factors:\n    key-age:\n      rotationDays: 30\n");
    Subject s = key(inventory().created(daysAgo(31)).build());

    assertThat(Fixtures.evaluate(factor, s)).isInstanceOf(Evaluation.Clear.class);
    assertThat(Fixtures.found(factor, s, strict).evidence()).contains("policy allows 30 days");
  }
}
