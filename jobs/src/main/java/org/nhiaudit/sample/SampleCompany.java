package org.nhiaudit.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.nhiaudit.sample.Actor.Opener;
import org.nhiaudit.sample.TrailWriter.Emitted;

/**
 * Generates the sample company's CloudTrail logs and inventories. Every choice comes from one
 * seeded random source, consumed in a fixed order, so equal options give byte-identical files. The
 * other platforms' logs are written by {@link PlatformSlices}, each from a source of its own, so
 * that they leave the CloudTrail files as they were.
 *
 * <p>Work happens in sessions: a session opens (a service or CI job assumes a role, a person signs
 * in) and then makes a run of calls a few seconds apart. Days are generated and written one at a
 * time, so memory does not grow with {@code --events}.
 */
public final class SampleCompany {

  private static final String BROWSER_IP = "192.0.2.77";

  private final SampleOptions options;
  private final Random random;
  private final Ids ids;
  private final TrailRecords records;
  private final List<Actor> actors;
  private final Map<String, Actor> byName = new HashMap<>();
  private final Map<String, LastUse> lastUse = new LinkedHashMap<>();
  private final Map<Actor, Set<Integer>> deniedDays = new HashMap<>();
  private final Map<Actor, Set<Integer>> browserDays = new HashMap<>();
  private final Instant windowStart;
  private final Instant windowEnd;
  private final double scale;
  private List<Emitted> today;
  private long sequence;

  private SampleCompany(SampleOptions options) {
    this.options = options;
    this.random = new Random(options.seed());
    this.ids = new Ids(random);
    this.records = new TrailRecords(ids);
    this.actors = Catalog.company(options.end(), ids);
    actors.forEach(a -> byName.put(a.name(), a));
    this.windowEnd = options.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    this.windowStart = windowEnd.minusSeconds(86_400L * options.days());
    this.scale = options.events() / baseline();
    pickSpecialDays();
  }

  /** Generates everything {@code options} asks for and says what was written. */
  public static SampleSummary generate(SampleOptions options) throws IOException {
    return new SampleCompany(options).run();
  }

  private SampleSummary run() throws IOException {
    Path out = options.out();
    TrailWriter writer = new TrailWriter(out.resolve("cloudtrail"), ids);
    for (int day = 0; day < options.days(); day++) {
      today = new ArrayList<>();
      generateDay(day);
      writer.write(today);
    }
    List<ObjectNode> damaged = damagedDelivery();
    Path damagedPath = writer.writeDamaged(Catalog.PROD, Catalog.EAST, damaged);
    List<Path> inventory = List.of();
    List<PlatformLog> platforms = PlatformSlices.write(options);
    SampleSummary summary =
        new SampleSummary(
            actors,
            lastUse,
            writer.objects(),
            writer.records(),
            out.relativize(damagedPath),
            damaged.size(),
            inventory,
            platforms);
    if (options.inventory()) {
      inventory =
          new ArrayList<>(new InventoryWriter(out.resolve("inventory"), summary, ids).write());
      inventory.addAll(platformInventory(out.resolve("inventory"), platforms));
    }
    summary = withInventory(summary, inventory);
    SampleReadme.write(out.resolve("README.md"), options, summary);
    return summary;
  }

  private void generateDay(int day) {
    LocalDate date = firstDay().plusDays(day);
    boolean weekend =
        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    for (Actor actor : actors) {
      if (actor.schedule() == null || (weekend && actor.schedule().weekdaysOnly())) {
        continue;
      }
      int sessions = sessionsToday(actor.schedule().sessionsPerDay());
      for (int i = 0; i < sessions; i++) {
        ordinarySession(actor, date);
      }
      if (deniedDays.getOrDefault(actor, Set.of()).contains(day)) {
        deniedBurst(actor, date);
      }
      if (browserDays.getOrDefault(actor, Set.of()).contains(day)) {
        browserSession(actor, date);
      }
    }
  }

  private void ordinarySession(Actor actor, LocalDate date) {
    Actor.Schedule schedule = actor.schedule();
    Instant start = startBetween(date, schedule.fromHour(), schedule.toHour());
    Session session = open(actor, start, actor.client().userAgent(), actor.client().sourceIp());
    int calls = callsThisSession(schedule.callsPerSession());
    int pause = actor.isHuman() ? 45 : 6;
    Instant time = start.plusSeconds(1 + random.nextInt(4));
    for (int i = 0; i < calls && time.isBefore(windowEnd); i++) {
      String action = actor.uses().get(random.nextInt(actor.uses().size()));
      emit(actor, records.call(session, time, action, false), time);
      time = time.plusSeconds(1 + random.nextInt(pause));
    }
  }

  /** A job that keeps retrying calls its policy does not allow. */
  private void deniedBurst(Actor actor, LocalDate date) {
    Instant start = startBetween(date, 0, 24);
    Session session = open(actor, start, actor.client().userAgent(), actor.client().sourceIp());
    int calls = 18 + random.nextInt(15);
    Instant time = start.plusSeconds(2);
    for (int i = 0; i < calls && time.isBefore(windowEnd); i++) {
      List<String> refused = actor.deniedActions();
      String action = refused.get(random.nextInt(refused.size()));
      emit(actor, records.call(session, time, action, true), time);
      time = time.plusSeconds(1 + random.nextInt(3));
    }
  }

  /** A person who pasted the integration's key into a browser-based S3 tool. */
  private void browserSession(Actor actor, LocalDate date) {
    Instant start = startBetween(date, 10, 17);
    Session session = open(actor, start, Catalog.BROWSER, BROWSER_IP);
    int calls = 5 + random.nextInt(8);
    Instant time = start.plusSeconds(3);
    List<String> actions = List.of("s3:ListBucket", "s3:ListBucket", "s3:GetObject");
    for (int i = 0; i < calls && time.isBefore(windowEnd); i++) {
      String action = actions.get(random.nextInt(actions.size()));
      emit(actor, records.call(session, time, action, false), time);
      time = time.plusSeconds(4 + random.nextInt(40));
    }
  }

  /** Starts a session: picks its credential and region and logs how it was opened. */
  private Session open(Actor actor, Instant start, String userAgent, String sourceIp) {
    String region = actor.regions().get(0);
    if (actor.regions().size() > 1 && random.nextInt(5) == 0) {
      region = actor.regions().get(1);
    }
    String key = actor.accessKeyId() != null ? actor.accessKeyId() : ids.sessionKey();
    Session session =
        new Session(actor, key, sessionName(actor), start, userAgent, sourceIp, region);
    if (actor.opener() == Opener.SERVICE) {
      emit(null, records.serviceAssumes(session), start);
      touch(actor, start, Catalog.EAST, "sts");
    } else if (actor.opener() == Opener.WEB_IDENTITY) {
      emit(null, records.webIdentityAssumes(session, Oidc.subject()), start);
      touch(actor, start, Catalog.EAST, "sts");
    } else if (actor.opener() == Opener.ROLE) {
      assumeThroughCaller(session);
    } else if (actor.kind() == Actor.Kind.CONSOLE_USER) {
      emit(null, records.consoleLogin(session), start);
    }
    return session;
  }

  /** The CI role signs in through OIDC, then assumes the target account's deploy role. */
  private void assumeThroughCaller(Session target) {
    Actor caller = byName.get(target.actor().caller());
    Instant start = target.start().minusSeconds(4);
    Session ci =
        new Session(
            caller,
            ids.sessionKey(),
            "GitHubActions",
            start,
            caller.client().userAgent(),
            caller.client().sourceIp(),
            Catalog.EAST);
    emit(null, records.webIdentityAssumes(ci, Oidc.subject()), start);
    touch(caller, start, Catalog.EAST, "sts");
    emit(caller, records.roleAssumes(ci, target), target.start());
    touch(target.actor(), target.start(), Catalog.EAST, "sts");
  }

  private String sessionName(Actor actor) {
    return switch (actor.kind()) {
      case KEY_USER, CONSOLE_USER -> null;
      case SSO_PERSON -> actor.person();
      case SERVICE_LINKED_ROLE -> "AutoScaling";
      case ROLE -> roleSessionName(actor);
    };
  }

  private String roleSessionName(Actor role) {
    if (role.opener() == Opener.WEB_IDENTITY) {
      return "GitHubActions";
    }
    if (role.opener() == Opener.ROLE) {
      return "deploy-" + (1000 + random.nextInt(9000));
    }
    return switch (role.caller()) {
      case "lambda.amazonaws.com" -> role.name().replace("-lambda", "");
      case "ec2.amazonaws.com" -> "i-0" + ids.hex(16);
      case "codebuild.amazonaws.com" -> "AWSCodeBuild-" + ids.uuid();
      default -> ids.hex(32);
    };
  }

  /** Queues a record for today's objects; {@code user} is the actor whose credential made it. */
  private void emit(Actor user, ObjectNode record, Instant time) {
    String account = record.path("recipientAccountId").asText();
    String region = record.path("awsRegion").asText();
    today.add(new Emitted(account, region, time, sequence++, record));
    if (user != null) {
      String service = record.path("eventSource").asText().replace(".amazonaws.com", "");
      touch(user, time, region, service);
    }
  }

  private void touch(Actor actor, Instant time, String region, String service) {
    lastUse.merge(
        actor.arn(),
        new LastUse(time, region, service),
        (old, now) -> now.time().isAfter(old.time()) ? now : old);
  }

  /** A short run of the monitoring vendor's calls, written as the damaged delivery object. */
  private List<ObjectNode> damagedDelivery() {
    Actor vendor = byName.get("monitoring-vendor");
    LocalDate date = firstDay().plusDays(options.days() / 2);
    Instant start = date.atTime(13, 1, 7).toInstant(ZoneOffset.UTC);
    Session session =
        new Session(
            vendor,
            vendor.accessKeyId(),
            null,
            start,
            vendor.client().userAgent(),
            vendor.client().sourceIp(),
            Catalog.EAST);
    List<ObjectNode> members = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String action = vendor.uses().get(i % vendor.uses().size());
      members.add(records.call(session, start.plusSeconds(i * 7L), action, false));
    }
    return members;
  }

  private void pickSpecialDays() {
    for (Actor actor : actors) {
      deniedDays.put(actor, distinctDays(actor.deniedBursts()));
      browserDays.put(actor, distinctDays(actor.browserDays()));
    }
  }

  private Set<Integer> distinctDays(int count) {
    Set<Integer> days = new HashSet<>();
    while (days.size() < Math.min(count, options.days())) {
      days.add(random.nextInt(options.days()));
    }
    return days;
  }

  /** The calls an unscaled run would make, so {@code --events} can scale session length. */
  private double baseline() {
    double total = 0;
    for (Actor actor : actors) {
      Actor.Schedule schedule = actor.schedule();
      if (schedule != null) {
        double share = schedule.weekdaysOnly() ? 5.0 / 7.0 : 1.0;
        total += schedule.sessionsPerDay() * share * options.days() * schedule.callsPerSession();
      }
    }
    return Math.max(total, 1);
  }

  private int sessionsToday(double perDay) {
    double drawn = perDay * (0.7 + 0.6 * random.nextDouble());
    int whole = (int) drawn;
    return whole + (random.nextDouble() < drawn - whole ? 1 : 0);
  }

  private int callsThisSession(int mean) {
    double drawn = mean * scale * (0.6 + 0.8 * random.nextDouble());
    return Math.max(1, (int) Math.round(drawn));
  }

  private Instant startBetween(LocalDate date, int fromHour, int toHour) {
    int hour = fromHour + random.nextInt(Math.max(1, toHour - fromHour));
    int second = random.nextInt(3600);
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L + second);
  }

  private LocalDate firstDay() {
    return options.end().minusDays(options.days() - 1L);
  }

  private static SampleSummary withInventory(SampleSummary summary, List<Path> files) {
    return new SampleSummary(
        summary.actors(),
        summary.lastUse(),
        summary.objects(),
        summary.events(),
        summary.damagedObject(),
        summary.damagedRecords(),
        files,
        summary.platforms());
  }

  private static List<Path> platformInventory(Path folder, List<PlatformLog> platforms) {
    List<Path> files = new ArrayList<>();
    platforms.forEach(p -> p.inventoryFiles().forEach(name -> files.add(folder.resolve(name))));
    files.add(folder.resolve(PlatformSlices.REGISTER));
    return files;
  }
}
