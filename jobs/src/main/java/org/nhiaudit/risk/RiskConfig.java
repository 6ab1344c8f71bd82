package org.nhiaudit.risk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds and weights of risk scoring. The documented defaults live in the resource {@value
 * #DEFAULTS}, which is also the reference of every key; a user file overrides any subset of them.
 * Instances made by {@link #defaults()}, {@link #load(Path)} and {@link #fromYaml(String, String)}
 * are validated; the canonical constructor is for tests and does not check anything.
 *
 * @param scoreCap the highest score
 * @param severity the lower bounds of the severity bands
 * @param actions thresholds of the recommended-action rules
 * @param browserAgents how browser and console user agents are told apart
 * @param effective every key with its effective value, in the order of the defaults file, for
 *     echoing into the run summary
 */
public record RiskConfig(
    int scoreCap,
    SeverityBands severity,
    ActionRules actions,
    BrowserAgents browserAgents,
    KeyAge.Settings keyAge,
    Dormant.Settings dormant,
    UnusedPermissions.Settings unusedPermissions,
    AdminGrant.Settings adminGrant,
    NoOwner.Settings noOwner,
    HumanUse.Settings humanUse,
    DeniedCalls.Settings deniedCalls,
    RootCredential.Settings rootCredential,
    BroadScope.Settings broadScope,
    Map<String, Object> effective) {

  /** The class-path resource holding the defaults. */
  public static final String DEFAULTS = "/nhi-audit-defaults.yaml";

  private static final YAMLMapper YAML = yamlMapper();

  public RiskConfig {
    effective = Collections.unmodifiableMap(new LinkedHashMap<>(effective));
  }

  /** The documented defaults. */
  public static RiskConfig defaults() {
    return fromTree(defaultTree(), "defaults");
  }

  /** The defaults overridden by the YAML file {@code file}. */
  public static RiskConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e, e);
    }
    return fromYaml(text, file.toString());
  }

  /** The defaults overridden by {@code yaml}; {@code source} names it in error messages. */
  public static RiskConfig fromYaml(String yaml, String source) {
    JsonNode user;
    try {
      user = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + " is not valid YAML: " + where(e), e);
    }
    if (user == null || user.isMissingNode() || user.isNull()) {
      return defaults();
    }
    JsonNode defaults = defaultTree();
    List<String> problems = new ArrayList<>();
    checkKnown(user, defaults, "", problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    ObjectNode merged = defaults.deepCopy();
    merge(merged, (ObjectNode) user);
    return fromTree(merged, source);
  }

  private static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String line =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return e.getOriginalMessage() + line;
  }

  /** Every key with its effective value; the same map as {@link #effective()}. */
  public Map<String, Object> asMap() {
    return effective;
  }

  private static RiskConfig fromTree(JsonNode tree, String source) {
    ConfigReader root = ConfigReader.root(tree, defaultTree());
    ConfigReader risk = root.section("risk");
    ConfigReader factors = risk.section("factors");
    int scoreCap = risk.whole("scoreCap", 1, 100, "a whole number from 1 to 100");
    RiskConfig config =
        new RiskConfig(
            scoreCap,
            SeverityBands.read(risk.section("severity"), scoreCap),
            ActionRules.read(risk.section("actions")),
            BrowserAgents.read(risk.section("browserAgents")),
            KeyAge.Settings.read(factors.section(KeyAge.ID)),
            Dormant.Settings.read(factors.section(Dormant.ID)),
            UnusedPermissions.Settings.read(factors.section(UnusedPermissions.ID)),
            AdminGrant.Settings.read(factors.section(AdminGrant.ID)),
            NoOwner.Settings.read(factors.section(NoOwner.ID)),
            HumanUse.Settings.read(factors.section(HumanUse.ID)),
            DeniedCalls.Settings.read(factors.section(DeniedCalls.ID)),
            RootCredential.Settings.read(factors.section(RootCredential.ID)),
            BroadScope.Settings.read(factors.section(BroadScope.ID)),
            flatten(tree));
    if (!root.problems().isEmpty()) {
      throw new ConfigException(root.problems());
    }
    return config;
  }

  /**
   * Adds a problem for every key of {@code user} that {@code defaults} does not have, and for every
   * value given where a section is expected.
   */
  private static void checkKnown(JsonNode user, JsonNode defaults, String path, List<String> out) {
    String where = path.isEmpty() ? "the configuration" : path;
    if (!user.isObject()) {
      out.add(where + " must be a section of keys, was " + ConfigReader.shown(user));
      return;
    }
    for (Map.Entry<String, JsonNode> field : user.properties()) {
      String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode known = defaults.get(field.getKey());
      if (known == null) {
        out.add(
            "unknown key "
                + key
                + "; known keys in "
                + where
                + ": "
                + String.join(", ", knownKeys(defaults)));
      } else if (known.isObject()) {
        checkKnown(field.getValue(), known, key, out);
      }
    }
  }

  private static List<String> knownKeys(JsonNode section) {
    List<String> keys = new ArrayList<>();
    section.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** Sections merge key by key; any other value, lists included, replaces the default whole. */
  private static void merge(ObjectNode target, ObjectNode override) {
    for (Map.Entry<String, JsonNode> field : override.properties()) {
      JsonNode current = target.get(field.getKey());
      if (current instanceof ObjectNode section && field.getValue().isObject()) {
        merge(section, (ObjectNode) field.getValue());
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  private static Map<String, Object> flatten(JsonNode tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten(tree, "", out);
    return out;
  }

  private static void flatten(JsonNode node, String path, Map<String, Object> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        flatten(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
      }
    } else if (node.isArray()) {
      List<String> values = new ArrayList<>();
      node.forEach(n -> values.add(n.asText()));
      out.put(path, List.copyOf(values));
    } else if (node.isIntegralNumber()) {
      out.put(path, node.asLong());
    } else if (node.isNumber()) {
      out.put(path, node.asDouble());
    } else {
      out.put(path, node.asText());
    }
  }

  private static JsonNode defaultTree() {
    try (InputStream in = RiskConfig.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULTS + " is missing from the build");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS, e);
    }
  }

  private static YAMLMapper yamlMapper() {
    YAMLMapper mapper = new YAMLMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }

  /**
   * Lower bounds of the severity bands: a score at or above {@code critical} is critical, and so on
   * down; below {@code low} it is info.
   */
  public record SeverityBands(int critical, int high, int medium, int low) {

    /** The band {@code score} falls in. */
    public Severity of(int score) {
      if (score >= critical) {
        return Severity.CRITICAL;
      } else if (score >= high) {
        return Severity.HIGH;
      } else if (score >= medium) {
        return Severity.MEDIUM;
      } else if (score >= low) {
        return Severity.LOW;
      }
      return Severity.INFO;
    }

    static SeverityBands read(ConfigReader r, int scoreCap) {
      int critical = r.whole("critical", 1, scoreCap, "a whole number from 1 to " + scoreCap);
      int high = r.whole("high", 1, 100, "a whole number from 1 to 100");
      int medium = r.whole("medium", 1, 100, "a whole number from 1 to 100");
      int low = r.whole("low", 1, 100, "a whole number from 1 to 100");
      r.requireBelow("high", high, "critical", critical);
      r.requireBelow("medium", medium, "high", high);
      r.requireBelow("low", low, "medium", medium);
      return new SeverityBands(critical, high, medium, low);
    }
  }

  /**
   * Thresholds of the recommended-action rules.
   *
   * @param revokeAfterIdleDays revoke a credential idle for longer than this
   * @param keepBelow keep a credential whose score is below this
   */
  public record ActionRules(int revokeAfterIdleDays, int keepBelow) {

    static ActionRules read(ConfigReader r) {
      return new ActionRules(r.days("revokeAfterIdleDays"), r.points("keepBelow"));
    }
  }
}
