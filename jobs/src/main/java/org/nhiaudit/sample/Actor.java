package org.nhiaudit.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * One principal of the sample company and how it behaves: who it is, what it may do, what it
 * actually does, when and from where. Inventories are written from the first half, events from the
 * second.
 *
 * @param account the AWS account id
 * @param kind what sort of principal it is
 * @param name the IAM user or role name
 * @param person the person behind a human principal (SSO session name or console user), else null
 * @param owner the accountable person, or null when nobody is named anywhere
 * @param team the owning team, or null
 * @param environment prod, dev or shared
 * @param opener how a session of this principal starts (for roles)
 * @param caller the service principal or the actor name that opens the session
 * @param uses the actions ({@code service:Operation}) it calls in ordinary work
 * @param grants the actions its customer policy allows; empty when only a managed policy applies
 * @param managedPolicy the AWS managed policy attached, or null
 * @param resource the bucket, table, cluster or queue its calls name
 * @param schedule how often and when it works; null for a principal that makes no calls
 * @param client the user agent and address its calls come from
 * @param regions where it works, the first most often
 * @param created when the principal was created
 * @param keyCreated when its access key was created (key users only)
 * @param lastUsedBefore the last use before the log window, for keys idle through the window
 * @param deniedBursts how many bursts of refused calls it makes in the window
 * @param deniedActions the actions it is refused
 * @param browserDays on how many days a person uses its key from a browser
 * @param planted the risk deliberately planted in it
 * @param description one line for the inventory and the README
 * @param principalId the AIDA or AROA id
 * @param accessKeyId the AKIA key id, or null
 */
public record Actor(
    String account,
    Kind kind,
    String name,
    String person,
    String owner,
    String team,
    String environment,
    Opener opener,
    String caller,
    List<String> uses,
    List<String> grants,
    String managedPolicy,
    String resource,
    Schedule schedule,
    Client client,
    List<String> regions,
    LocalDate created,
    LocalDate keyCreated,
    LocalDate lastUsedBefore,
    int deniedBursts,
    List<String> deniedActions,
    int browserDays,
    Planted planted,
    String description,
    String principalId,
    String accessKeyId) {

  public Actor {
    uses = List.copyOf(uses);
    grants = List.copyOf(grants);
    regions = List.copyOf(regions);
    deniedActions = List.copyOf(deniedActions);
  }

  /** The sort of principal. */
  public enum Kind {
    /** An IAM user that works with a long-lived access key. */
    KEY_USER,
    /** An IAM role assumed by software. */
    ROLE,
    /** A person signed in through IAM Identity Center. */
    SSO_PERSON,
    /** A person signed in to the console as an IAM user with a password. */
    CONSOLE_USER,
    /** A service-linked role that AWS itself uses. */
    SERVICE_LINKED_ROLE
  }

  /** What precedes the calls of a role session in the log. */
  public enum Opener {
    NONE,
    /** An AWS service assumes the role (Lambda, ECS tasks, EC2). */
    SERVICE,
    /** Another actor's role session assumes it, possibly from another account. */
    ROLE,
    /** A CI system exchanges its OIDC token for the role. */
    WEB_IDENTITY
  }

  /** How often and when an actor works. */
  public record Schedule(
      double sessionsPerDay, int callsPerSession, int fromHour, int toHour, boolean weekdaysOnly) {}

  /** Where calls come from. */
  public record Client(String userAgent, String sourceIp) {}

  public boolean isRole() {
    return kind == Kind.ROLE || kind == Kind.SSO_PERSON || kind == Kind.SERVICE_LINKED_ROLE;
  }

  public boolean isHuman() {
    return kind == Kind.SSO_PERSON || kind == Kind.CONSOLE_USER;
  }

  /** The principal ARN as inventories name it. */
  public String arn() {
    return switch (kind) {
      case KEY_USER, CONSOLE_USER -> "arn:aws:iam::" + account + ":user/" + name;
      case ROLE -> "arn:aws:iam::" + account + ":role/" + name;
      case SSO_PERSON -> "arn:aws:iam::" + account + ":role/aws-reserved/sso.amazonaws.com/" + name;
      case SERVICE_LINKED_ROLE ->
          "arn:aws:iam::" + account + ":role/aws-service-role/" + caller + "/" + name;
    };
  }

  /** The IAM path of the principal. */
  public String path() {
    return switch (kind) {
      case SSO_PERSON -> "/aws-reserved/sso.amazonaws.com/";
      case SERVICE_LINKED_ROLE -> "/aws-service-role/" + caller + "/";
      default -> "/";
    };
  }
}
