package org.nhiaudit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nhiaudit.risk.Fixtures.DEFAULTS;
import static org.nhiaudit.risk.Fixtures.MASKED;
import static org.nhiaudit.risk.Fixtures.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nhiaudit.inventory.PermissionUse;

class UnusedPermissionsTest {

  private final UnusedPermissions factor = new UnusedPermissions();
  private final int weight = DEFAULTS.unusedPermissions().weight();

  private static Subject with(PermissionUse p) {
    return Fixtures.subject(
        usage().build(), null, Fixtures.principal("o", java.util.Map.of(), List.of()), p);
  }

  private static PermissionUse usedOf(int used, int granted) {
    List<String> u = IntStream.range(0, used).mapToObj(i -> "s3:Get" + i).toList();
    List<String> n = IntStream.range(used, granted).mapToObj(i -> "s3:Put" + i).toList();
    return Fixtures.permissions(granted, u, n);
  }

  @Test
  void exactlyAtTheMinimumShareFires() {
    FactorResult r = Fixtures.found(factor, with(usedOf(5, 10)), DEFAULTS);

    assertThat(r.points()).isEqualTo((int) Math.round(weight * 0.5));
  }

  @Test
  void justBelowTheMinimumShareScoresNothing() {
    assertThat(Fixtures.evaluate(factor, with(usedOf(6, 10)))).isInstanceOf(Evaluation.Clear.class);
  }

  @Test
  void evidenceCountsUsedAndUnusedAndNamesTheBroadestFirst() {
    List<String> unused = new ArrayList<>();
    IntStream.range(0, 195).forEach(i -> unused.add("s3:Action" + i));
    unused.add("iam:PassRole");
    unused.add("ec2:*");
    PermissionUse p =
        Fixtures.permissions(
            200, List.of("s3:GetObject", "s3:PutObject", "sts:GetCallerIdentity"), unused);

    FactorResult r = Fixtures.found(factor, with(p), DEFAULTS);

    assertThat(r.evidence())
        .isEqualTo(
            "access key "
                + MASKED
                + " uses 3 of 200 granted permissions; 197 unused"
                + " (99%), e.g. ec2:*, iam:PassRole, s3:Action0");
    assertThat(r.points()).isEqualTo((int) Math.round(weight * 197 / 200.0));
    assertThat(r.owasp()).isEqualTo("NHI5");
  }

  @Test
  void needsAnInventoryGrantsAndUsage() {
    PermissionUse p = usedOf(1, 10);
    Subject noInventory = Subject.of(usage().build(), null, null, null, false);
    Subject noGrants = Fixtures.subject(usage().build(), null, null, null);
    Subject neverSeen = Fixtures.subject(null, Fixtures.inventory().build(), null, p);

    assertThat(Fixtures.evaluate(factor, noInventory))
        .isEqualTo(Evaluation.notEvaluated("no inventory given"));
    assertThat(Fixtures.evaluate(factor, noGrants))
        .isEqualTo(Evaluation.notEvaluated("no grants known for this identity"));
    assertThat(Fixtures.evaluate(factor, neverSeen)).isInstanceOf(Evaluation.NotEvaluated.class);
  }

  @Test
  void nothingGrantedIsNothingUnused() {
    assertThat(Fixtures.evaluate(factor, with(Fixtures.permissions(0, List.of(), List.of()))))
        .isInstanceOf(Evaluation.Clear.class);
  }
}
