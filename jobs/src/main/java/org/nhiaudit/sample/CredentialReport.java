package org.nhiaudit.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.nhiaudit.sample.Actor.Kind;

/**
 * The IAM credential report of one account: the root row, then one row per IAM user, in the
 * report's 22 columns and with its placeholders ({@code N/A}, {@code no_information}, {@code
 * not_supported}).
 */
final class CredentialReport {

  static final List<String> COLUMNS =
      List.of(
          "user",
          "arn",
          "user_creation_time",
          "password_enabled",
          "password_last_used",
          "password_last_changed",
          "password_next_rotation",
          "mfa_active",
          "access_key_1_active",
          "access_key_1_last_rotated",
          "access_key_1_last_used_date",
          "access_key_1_last_used_region",
          "access_key_1_last_used_service",
          "access_key_2_active",
          "access_key_2_last_rotated",
          "access_key_2_last_used_date",
          "access_key_2_last_used_region",
          "access_key_2_last_used_service",
          "cert_1_active",
          "cert_1_last_rotated",
          "cert_2_active",
          "cert_2_last_rotated");

  private static final String NA = "N/A";

  private CredentialReport() {}

  static String csv(InventoryWriter inventory, List<Actor> members) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    String account = members.get(0).account();
    Instant oldest = members.stream().map(inventory::createdAt).min(Instant::compareTo).get();
    out.append(root(account, oldest.minus(30, ChronoUnit.DAYS))).append('\n');
    for (Actor actor : members) {
      if (actor.kind() == Kind.KEY_USER) {
        out.append(keyUser(inventory, actor)).append('\n');
      } else if (actor.kind() == Kind.CONSOLE_USER) {
        out.append(consoleUser(inventory, actor)).append('\n');
      }
    }
    return out.toString();
  }

  /** The root user: signed in to only when the account was set up, MFA on, no keys. */
  private static String root(String account, Instant created) {
    List<String> row = new ArrayList<>();
    row.addAll(List.of("<root_account>", "arn:aws:iam::" + account + ":root", time(created)));
    row.addAll(List.of("not_supported", time(created.plus(1, ChronoUnit.DAYS))));
    row.addAll(List.of("not_supported", "not_supported", "true"));
    row.addAll(unusedKey());
    row.addAll(unusedKey());
    row.addAll(List.of("false", NA, "false", NA));
    return String.join(",", row);
  }

  private static String keyUser(InventoryWriter inventory, Actor user) {
    List<String> row = new ArrayList<>();
    row.addAll(List.of(user.name(), user.arn(), time(inventory.createdAt(user))));
    row.addAll(List.of("false", NA, NA, NA, "false"));
    row.addAll(List.of("true", time(inventory.keyCreatedAt(user))));
    LastUse use = inventory.lastUse(user);
    if (use == null) {
      row.addAll(List.of(NA, NA, NA));
    } else {
      Instant minute = use.time().truncatedTo(ChronoUnit.MINUTES);
      row.addAll(List.of(time(minute), use.region(), use.service()));
    }
    row.addAll(unusedKey());
    row.addAll(List.of("false", NA, "false", NA));
    return String.join(",", row);
  }

  private static String consoleUser(InventoryWriter inventory, Actor user) {
    Instant created = inventory.createdAt(user);
    Instant signedIn = inventory.lastUsed(user);
    List<String> row = new ArrayList<>();
    row.addAll(List.of(user.name(), user.arn(), time(created), "true"));
    row.add(signedIn == null ? "no_information" : time(signedIn));
    row.addAll(List.of(time(created.plusSeconds(40)), NA, "true"));
    row.addAll(unusedKey());
    row.addAll(unusedKey());
    row.addAll(List.of("false", NA, "false", NA));
    return String.join(",", row);
  }

  private static List<String> unusedKey() {
    return List.of("false", NA, NA, NA, NA);
  }

  /** The report gives last-used times to the minute and creation times to the second. */
  private static String time(Instant instant) {
    return InventoryWriter.AWS_TIME.format(instant);
  }
}
