package org.nhiaudit.sample;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nhiaudit.ingest.Json;
import org.nhiaudit.sample.Actor.Kind;

/**
 * Writes what an auditor would export from each account next to the logs: authorization details,
 * the credential report, the access-key list, and one owners file for the whole company.
 */
final class InventoryWriter {

  /** ISO-8601 with a numeric offset, as the AWS CLI and the credential report print times. */
  static final DateTimeFormatter AWS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Path folder;
  private final SampleSummary summary;
  private final Map<Actor, Instant> created = new HashMap<>();
  private final Map<Actor, Instant> keyCreated = new HashMap<>();
  private final ObjectWriter pretty;
  private final Ids ids;

  InventoryWriter(Path folder, SampleSummary summary, Ids ids) {
    this.folder = folder;
    this.summary = summary;
    this.ids = ids;
    for (Actor actor : summary.actors()) {
      created.put(actor, atSomeTime(actor.created(), ids));
      if (actor.keyCreated() != null) {
        keyCreated.put(actor, atSomeTime(actor.keyCreated(), ids));
      }
    }
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    this.pretty = Json.MAPPER.writer(new DefaultPrettyPrinter().withSeparators(separators));
  }

  /** Writes every inventory file and returns their paths. */
  List<Path> write() throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    for (String account : Catalog.ACCOUNTS) {
      List<Actor> members =
          summary.actors().stream().filter(a -> a.account().equals(account)).toList();
      written.add(json(account + "-authorization-details.json", authorization(members)));
      written.add(text(account + "-credential-report.csv", CredentialReport.csv(this, members)));
      written.add(json(account + "-access-keys.json", accessKeys(members)));
    }
    written.add(text("owners.yaml", OwnersFile.yaml(this, summary.actors())));
    return written;
  }

  Instant createdAt(Actor actor) {
    return created.get(actor);
  }

  Instant keyCreatedAt(Actor actor) {
    return keyCreated.get(actor);
  }

  /** The last use in the window, else the last use before it, else null (never used). */
  Instant lastUsed(Actor actor) {
    LastUse use = summary.lastUse().get(actor.arn());
    if (use != null) {
      return use.time();
    }
    LocalDate before = actor.lastUsedBefore();
    return before == null ? null : before.atTime(15, 42).toInstant(ZoneOffset.UTC);
  }

  LastUse lastUse(Actor actor) {
    LastUse use = summary.lastUse().get(actor.arn());
    if (use == null && actor.lastUsedBefore() != null) {
      String service = actor.uses().get(0).substring(0, actor.uses().get(0).indexOf(':'));
      return new LastUse(lastUsed(actor), actor.regions().get(0), service);
    }
    return use;
  }

  private ObjectNode authorization(List<Actor> members) {
    ObjectNode root = NODES.objectNode();
    ArrayNode users = root.putArray("UserDetailList");
    ArrayNode groups = root.putArray("GroupDetailList");
    ArrayNode roles = root.putArray("RoleDetailList");
    ArrayNode policies = root.putArray("Policies");
    Map<String, ObjectNode> managed = new LinkedHashMap<>();
    for (Actor actor : members) {
      if (actor.isRole()) {
        roles.add(role(actor, managed));
      } else {
        users.add(user(actor, managed));
      }
    }
    groups.add(group(members, "integrations", null));
    members.stream()
        .filter(a -> a.kind() == Kind.CONSOLE_USER)
        .findFirst()
        .ifPresent(person -> groups.add(group(members, "developers", person)));
    managed.values().forEach(policies::add);
    return root;
  }

  private ObjectNode user(Actor user, Map<String, ObjectNode> managed) {
    ObjectNode node = NODES.objectNode();
    node.put("Path", "/");
    node.put("UserName", user.name());
    node.put("UserId", user.principalId());
    node.put("Arn", user.arn());
    node.put("CreateDate", AWS_TIME.format(createdAt(user)));
    node.putArray("UserPolicyList");
    ArrayNode groups = node.putArray("GroupList");
    groups.add(user.kind() == Kind.CONSOLE_USER ? "developers" : "integrations");
    ArrayNode attached = node.putArray("AttachedManagedPolicies");
    if (user.kind() == Kind.KEY_USER) {
      attached.add(attach(user, managed));
    } else {
      // A console user gets its policy through its group; the document is still listed.
      attach(user, managed);
    }
    node.set("Tags", tags(user));
    return node;
  }

  private ObjectNode role(Actor role, Map<String, ObjectNode> managed) {
    ObjectNode node = NODES.objectNode();
    node.put("Path", role.path());
    node.put("RoleName", role.name());
    node.put("RoleId", role.principalId());
    node.put("Arn", role.arn());
    node.put("CreateDate", AWS_TIME.format(createdAt(role)));
    node.set("AssumeRolePolicyDocument", Policies.trust(role, ciRoleArn()));
    node.set("InstanceProfileList", instanceProfiles(role));
    ArrayNode inline = node.putArray("RolePolicyList");
    ArrayNode attached = node.putArray("AttachedManagedPolicies");
    if (role.managedPolicy() == null && role.grants().size() < 20) {
      ObjectNode policy = inline.addObject();
      policy.put("PolicyName", role.name() + "-access");
      policy.set("PolicyDocument", Policies.allow(role.grants()));
    } else {
      attached.add(attach(role, managed));
    }
    node.set("Tags", tags(role));
    node.set("RoleLastUsed", roleLastUsed(role));
    return node;
  }

  /** Attaches the actor's managed policy, recording its document once per account. */
  private ObjectNode attach(Actor actor, Map<String, ObjectNode> managed) {
    String name = actor.managedPolicy();
    String arn;
    ObjectNode document;
    if (name != null) {
      boolean linked = actor.kind() == Kind.SERVICE_LINKED_ROLE;
      arn = "arn:aws:iam::aws:policy/" + (linked ? "aws-service-role/" : "") + name;
      document = Policies.managed(name);
    } else {
      name = actor.name() + "-permissions";
      arn = "arn:aws:iam::" + actor.account() + ":policy/" + name;
      document = Policies.allow(actor.grants());
    }
    String policyArn = arn;
    String policyName = name;
    managed.computeIfAbsent(arn, k -> policy(policyName, policyArn, document, createdAt(actor)));
    ObjectNode attachment = NODES.objectNode();
    attachment.put("PolicyName", name);
    attachment.put("PolicyArn", arn);
    return attachment;
  }

  private ObjectNode policy(String name, String arn, ObjectNode document, Instant when) {
    String stamp = AWS_TIME.format(when);
    ObjectNode node = NODES.objectNode();
    node.put("PolicyName", name);
    node.put("PolicyId", ids.unique("ANPA"));
    node.put("Arn", arn);
    node.put("Path", arn.contains(":aws:policy/aws-service-role/") ? "/aws-service-role/" : "/");
    node.put("DefaultVersionId", "v1");
    node.put("AttachmentCount", 1);
    node.put("PermissionsBoundaryUsageCount", 0);
    node.put("IsAttachable", true);
    node.put("CreateDate", stamp);
    node.put("UpdateDate", stamp);
    ObjectNode version = node.putArray("PolicyVersionList").addObject();
    version.set("Document", document);
    version.put("VersionId", "v1");
    version.put("IsDefaultVersion", true);
    version.put("CreateDate", stamp);
    return node;
  }

  private ObjectNode group(List<Actor> members, String name, Actor person) {
    ObjectNode node = NODES.objectNode();
    node.put("Path", "/");
    node.put("GroupName", name);
    node.put("GroupId", ids.unique("AGPA"));
    node.put("Arn", "arn:aws:iam::" + members.get(0).account() + ":group/" + name);
    node.put("CreateDate", AWS_TIME.format(createdAt(members.get(0))));
    node.putArray("GroupPolicyList");
    ArrayNode attached = node.putArray("AttachedManagedPolicies");
    if (person != null) {
      ObjectNode attachment = attached.addObject();
      attachment.put("PolicyName", person.managedPolicy());
      attachment.put("PolicyArn", "arn:aws:iam::aws:policy/" + person.managedPolicy());
    }
    return node;
  }

  private ArrayNode instanceProfiles(Actor role) {
    ArrayNode profiles = NODES.arrayNode();
    if ("ec2.amazonaws.com".equals(role.caller())) {
      ObjectNode profile = profiles.addObject();
      profile.put("Path", "/");
      profile.put("InstanceProfileName", role.name());
      profile.put("InstanceProfileId", ids.unique("AIPA"));
      profile.put("Arn", "arn:aws:iam::" + role.account() + ":instance-profile/" + role.name());
      profile.put("CreateDate", AWS_TIME.format(createdAt(role)));
      profile.putArray("Roles");
    }
    return profiles;
  }

  private ObjectNode roleLastUsed(Actor role) {
    ObjectNode node = NODES.objectNode();
    LastUse use = summary.lastUse().get(role.arn());
    if (use != null) {
      node.put("LastUsedDate", AWS_TIME.format(use.time()));
      node.put("Region", use.region());
    }
    return node;
  }

  /**
   * Owner tags on keyed users and CI roles; workload roles are owned only through the owners file,
   * and a principal without an owner carries no tags at all.
   */
  private ArrayNode tags(Actor actor) {
    ArrayNode tags = NODES.arrayNode();
    boolean tagged =
        actor.owner() != null
            && !actor.isHuman()
            && (actor.kind() == Kind.KEY_USER || actor.opener() != Actor.Opener.SERVICE);
    if (tagged) {
      tags.addObject().put("Key", "owner").put("Value", email(actor.owner()));
      tags.addObject().put("Key", "team").put("Value", actor.team());
      tags.addObject().put("Key", "environment").put("Value", actor.environment());
    }
    return tags;
  }

  private ObjectNode accessKeys(List<Actor> members) {
    ObjectNode root = NODES.objectNode();
    ArrayNode keys = root.putArray("AccessKeyMetadata");
    for (Actor actor : members) {
      if (actor.accessKeyId() != null) {
        ObjectNode key = keys.addObject();
        key.put("UserName", actor.name());
        key.put("AccessKeyId", actor.accessKeyId());
        key.put("Status", "Active");
        key.put("CreateDate", AWS_TIME.format(keyCreatedAt(actor)));
      }
    }
    return root;
  }

  private String ciRoleArn() {
    return summary.actors().stream()
        .filter(a -> a.opener() == Actor.Opener.WEB_IDENTITY)
        .map(Actor::arn)
        .findFirst()
        .orElseThrow();
  }

  static String email(String person) {
    return person.contains("@") ? person : person + "@example.com";
  }

  private Path json(String name, ObjectNode content) throws IOException {
    Path path = folder.resolve(name);
    Files.writeString(path, pretty.writeValueAsString(content) + "\n");
    return path;
  }

  private Path text(String name, String content) throws IOException {
    Path path = folder.resolve(name);
    Files.writeString(path, content);
    return path;
  }

  private static Instant atSomeTime(LocalDate date, Ids ids) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600 + ids.below(36_000));
  }
}
