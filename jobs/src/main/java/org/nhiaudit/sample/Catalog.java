package org.nhiaudit.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nhiaudit.sample.Actor.Client;
import org.nhiaudit.sample.Actor.Kind;
import org.nhiaudit.sample.Actor.Opener;
import org.nhiaudit.sample.Actor.Schedule;

/**
 * The people, workloads and integrations of the sample company, Example Retail: three AWS accounts
 * (production, development and shared services) in us-east-1 and eu-west-1. Dates are counted back
 * from the end of the log window so that ages stay right for any {@code --end}.
 */
final class Catalog {

  static final String PROD = "111122223333";
  static final String DEV = "444455556666";
  static final String SHARED = "777788889999";

  static final List<String> ACCOUNTS = List.of(PROD, DEV, SHARED);
  static final String EAST = "us-east-1";
  static final String WEST = "eu-west-1";

  private static final String BOTO3 =
      "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#6.1.109 md/arch#x86_64"
          + " lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54";
  private static final String AWS_CLI =
      "aws-cli/2.19.1 md/awscrt#0.22.0 ua/2.0 os/linux#6.1.109 md/arch#x86_64"
          + " lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe";
  private static final String TERRAFORM =
      "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 terraform-provider-aws/5.75.1 aws-sdk-go-v2/1.32.3"
          + " ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64";
  private static final String GO_VENDOR =
      "aws-sdk-go-v2/1.32.3 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64"
          + " m/E vendor-collector/7.4";
  private static final String JAVA_SDK =
      "aws-sdk-java/2.29.9 ua/2.1 os/Linux#5.10.227 lang/java#21.0.5 md/OpenJDK_64-Bit_Server_VM"
          + " md/vendor#Amazon.com_Inc. cfg/retry-mode#legacy";
  private static final String NODE_LAMBDA =
      "aws-sdk-js/3.689.0 ua/2.1 os/linux#5.10.227 lang/js md/nodejs#20.18.0"
          + " exec-env/AWS_Lambda_nodejs20.x";
  private static final String PYTHON_LAMBDA = BOTO3 + " exec-env/AWS_Lambda_python3.12";
  private static final String CI_ACTION =
      "aws-sdk-js/3.689.0 ua/2.1 os/linux#6.5.0 lang/js md/nodejs#20.18.0"
          + " configure-aws-credentials-for-github-actions";
  static final String BROWSER =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";
  static final String MAC_BROWSER =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko)"
          + " Version/18.1 Safari/605.1.15";

  /** Documentation address ranges only: 198.51.100.0/24 company egress, 203.0.113.0/24 vendors. */
  private static final String PROD_NAT = "198.51.100.14";

  private static final String DEV_NAT = "198.51.100.41";
  private static final String SHARED_NAT = "198.51.100.72";
  private static final String VENDOR_IP = "203.0.113.25";
  private static final String UNKNOWN_IP = "203.0.113.208";
  static final String OFFICE_IP = "192.0.2.33";

  private final LocalDate end;
  private final Ids ids;
  private final List<Spec> specs = new ArrayList<>();
  private final List<Actor> actors = new ArrayList<>();

  private Catalog(LocalDate end, Ids ids) {
    this.end = end;
    this.ids = ids;
  }

  /** The company as it stands on {@code end}; ids come from {@code ids}. */
  static List<Actor> company(LocalDate end, Ids ids) {
    Catalog catalog = new Catalog(end, ids);
    catalog.sharedServices();
    catalog.production();
    catalog.development();
    catalog.people();
    catalog.seal();
    return List.copyOf(catalog.actors);
  }

  private void sharedServices() {
    keyUser(SHARED, "terraform-runner", "priya.natarajan", "platform")
        .uses("sts:GetCallerIdentity", "iam:GetRole", "iam:GetPolicy", "s3:GetObject")
        .uses("s3:PutObject", "dynamodb:GetItem", "dynamodb:PutItem", "ec2:DescribeVpcs")
        .resource("example-retail-tfstate")
        .schedule(0.35, 144, 8, 19, true)
        .client(TERRAFORM, SHARED_NAT)
        .created(700)
        .keyCreated(18)
        .planted(Planted.HEALTHY)
        .describe("Terraform runner for shared infrastructure; key rotated every 30 days");
    role(SHARED, "github-actions-oidc", "priya.natarajan", "platform", Opener.WEB_IDENTITY)
        .uses("ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability")
        .uses("ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload")
        .uses("ecr:PutImage")
        .resource("checkout")
        .schedule(0.5, 72, 8, 19, true)
        .client(CI_ACTION, "203.0.113.90")
        .created(500)
        .describe("GitHub Actions workflows exchange their OIDC token for this role");
    role(SHARED, "artifact-publisher", "liam.obrien", "platform", Opener.SERVICE)
        .caller("codebuild.amazonaws.com")
        .uses("s3:PutObject", "s3:GetObject", "codeartifact:PublishPackageVersion")
        .resource("example-retail-artifacts")
        .schedule(0.25, 60, 9, 18, true)
        .client(JAVA_SDK, SHARED_NAT)
        .created(420)
        .describe("CodeBuild project that publishes build artifacts");
    role(SHARED, "log-archive-replicator", "liam.obrien", "platform", Opener.SERVICE)
        .caller("lambda.amazonaws.com")
        .uses("s3:GetObject", "s3:PutObject", "s3:ListBucket")
        .resource("example-retail-log-archive")
        .schedule(0.35, 72, 0, 24, false)
        .client(PYTHON_LAMBDA, "198.51.100.75")
        .created(610)
        .describe("Lambda that copies audit logs into the archive bucket");
    role(SHARED, "security-scanner-task", "amara.okafor", "security", Opener.SERVICE)
        .caller("ecs-tasks.amazonaws.com")
        .uses("iam:ListRoles", "iam:ListUsers", "ec2:DescribeSecurityGroups")
        .uses("s3:GetBucketPolicy", "s3:ListAllMyBuckets")
        .resource("example-retail-findings")
        .schedule(0.25, 180, 2, 4, false)
        .client(BOTO3, SHARED_NAT)
        .created(380)
        .describe("Nightly configuration scanner running as an ECS task");
    keyUser(SHARED, "cost-report-exporter", "noah.fischer", "finops")
        .uses("ce:GetCostAndUsage", "s3:PutObject")
        .resource("example-retail-cost-reports")
        .schedule(0.25, 36, 5, 6, false)
        .client(BOTO3, SHARED_NAT)
        .created(300)
        .keyCreated(40)
        .describe("Daily cost export for the finance dashboard");
  }

  private void production() {
    role(PROD, "prod-deploy", "priya.natarajan", "platform", Opener.ROLE)
        .caller("github-actions-oidc")
        .uses("ecr:GetAuthorizationToken", "ecs:DescribeServices", "ecs:UpdateService")
        .grants(DeployGrants.actions())
        .resource("checkout")
        .schedule(0.35, 48, 9, 18, true)
        .client(CI_ACTION, "203.0.113.90")
        .created(900)
        .planted(Planted.OVER_PRIVILEGED_ROLE)
        .describe("Deploys services to production from CI");
    lambda("orders-api", "sofia.rossi", "checkout", "dynamodb:GetItem", "dynamodb:PutItem")
        .uses("dynamodb:Query", "sqs:SendMessage")
        .resource("orders")
        .schedule(0.65, 84, 0, 24, false);
    lambda("payment-webhook", "sofia.rossi", "checkout", "dynamodb:UpdateItem")
        .uses("secretsmanager:GetSecretValue", "kms:Decrypt")
        .resource("payments")
        .schedule(0.5, 48, 0, 24, false);
    lambda("thumbnail-resizer", "kenji.watanabe", "catalog", "s3:GetObject", "s3:PutObject")
        .resource("example-retail-images")
        .schedule(0.35, 72, 6, 23, false);
    lambda("nightly-report", "noah.fischer", "finops", "athena:StartQueryExecution")
        .uses("athena:GetQueryExecution", "athena:GetQueryResults", "s3:PutObject")
        .resource("example-retail-reports")
        .schedule(0.25, 96, 1, 3, false);
    ecsTask("checkout-service", "sofia.rossi", "checkout", "dynamodb:GetItem")
        .uses("dynamodb:PutItem", "sqs:SendMessage", "kms:Decrypt", "ssm:GetParameter")
        .resource("carts")
        .schedule(0.85, 96, 0, 24, false);
    ecsTask("inventory-service", "kenji.watanabe", "catalog", "dynamodb:Query")
        .uses("dynamodb:UpdateItem", "sns:Publish")
        .resource("stock")
        .schedule(0.5, 72, 0, 24, false);
    ecsTask("search-indexer", "kenji.watanabe", "catalog", "es:DescribeDomain", "s3:GetObject")
        .resource("example-retail-catalog-feed")
        .schedule(0.35, 60, 0, 24, false);
    role(PROD, "batch-worker-instance", "noah.fischer", "data", Opener.SERVICE)
        .caller("ec2.amazonaws.com")
        .uses("s3:GetObject", "s3:PutObject", "sqs:ReceiveMessage", "sqs:DeleteMessage")
        .resource("example-retail-batch")
        .schedule(0.35, 96, 0, 24, false)
        .client(BOTO3, PROD_NAT)
        .created(550)
        .describe("EC2 instance profile role of the batch workers");
    role(PROD, "bastion-instance", "amara.okafor", "security", Opener.SERVICE)
        .caller("ec2.amazonaws.com")
        .uses("ssm:UpdateInstanceInformation", "ec2messages:GetMessages")
        .resource("bastion")
        .schedule(0.25, 36, 0, 24, false)
        .client("Amazon SSM Agent 3.3.987.0", PROD_NAT)
        .created(800)
        .describe("EC2 instance profile role of the bastion host");
    serviceLinked(PROD, "AWSServiceRoleForAutoScaling", "autoscaling.amazonaws.com")
        .uses("ec2:RunInstances", "ec2:TerminateInstances", "ec2:DescribeInstanceStatus")
        .managedPolicy("AutoScalingServiceRolePolicy")
        .schedule(0.25, 24, 0, 24, false)
        .created(950);
    keyUser(PROD, "backup-vault-sync", "amara.okafor", "security")
        .uses("ec2:DescribeVolumes", "ec2:CreateSnapshot", "ec2:DescribeSnapshots")
        .uses("s3:ListBucket", "s3:GetObject")
        .resource("example-retail-backups")
        .schedule(0.25, 144, 1, 3, false)
        .client(BOTO3, "203.0.113.61")
        .created(640)
        .keyCreated(45)
        .planted(Planted.HEALTHY)
        .describe("Third-party backup service; key rotated quarterly");
    keyUser(PROD, "monitoring-vendor", "liam.obrien", "sre")
        .uses("cloudwatch:GetMetricData", "cloudwatch:ListMetrics", "ec2:DescribeInstances")
        .uses("tag:GetResources", "rds:DescribeDBInstances")
        .schedule(1, 72, 0, 24, false)
        .client(GO_VENDOR, VENDOR_IP)
        .created(720)
        .keyCreated(30)
        .planted(Planted.HEALTHY)
        .describe("Monitoring vendor's metric collector, read-only");
    keyUser(PROD, "dwh-loader", "noah.fischer", "data")
        .uses("s3:GetObject", "s3:ListBucket", "glue:GetTable", "glue:GetPartitions")
        .resource("example-retail-exports")
        .schedule(0.35, 84, 0, 24, false)
        .client(JAVA_SDK, "203.0.113.140")
        .created(480)
        .keyCreated(80)
        .denied(4, "kms:Decrypt", "secretsmanager:GetSecretValue")
        .planted(Planted.DENIED_BURSTS)
        .describe("Data warehouse loader pulling nightly exports");
    keyUser(PROD, "finance-export", "noah.fischer", "finops")
        .uses("s3:PutObject", "s3:ListBucket")
        .resource("example-retail-finance-drop")
        .schedule(0.25, 36, 6, 8, true)
        .client(BOTO3, PROD_NAT)
        .created(400)
        .keyCreated(120)
        .browserDays(7)
        .planted(Planted.BROWSER_USE)
        .describe("Uploads ledger extracts to the finance drop bucket");
    keyUser(PROD, "legacy-ops-automation", "liam.obrien", "sre")
        .uses("ec2:DescribeInstances", "ec2:CreateSnapshot", "ec2:DeleteSnapshot")
        .uses("s3:ListAllMyBuckets", "iam:ListUsers")
        .managedPolicy("AdministratorAccess")
        .schedule(0.25, 72, 3, 4, false)
        .client(BOTO3, "198.51.100.19")
        .created(3 * 365 + 14)
        .keyCreated(3 * 365 + 12)
        .planted(Planted.OLD_ADMIN_KEY)
        .describe("Old cron host doing snapshots and clean-up");
    keyUser(PROD, "ftp-importer", "sofia.rossi", "checkout")
        .uses("s3:PutObject")
        .resource("example-retail-supplier-drop")
        .client(BOTO3, PROD_NAT)
        .created(900)
        .keyCreated(420)
        .lastUsedBefore(150)
        .planted(Planted.STALE_KEY)
        .describe("Supplier FTP import, replaced by a managed transfer in the spring");
    keyUser(PROD, "vendor-onboarding-test", "kenji.watanabe", "catalog")
        .uses("s3:GetObject")
        .resource("example-retail-catalog-feed")
        .client(BOTO3, VENDOR_IP)
        .created(121)
        .keyCreated(120)
        .planted(Planted.NEVER_USED)
        .describe("Key made for a catalog vendor's trial, handed over and never used");
    keyUser(PROD, "notification-relay", "sofia.rossi", "checkout")
        .uses("sns:Publish", "ses:GetSendQuota")
        .schedule(0.5, 48, 7, 22, false)
        .client(JAVA_SDK, PROD_NAT)
        .created(600)
        .keyCreated(60)
        .describe("Relays order notifications from the on-premises shop system");
  }

  private void development() {
    role(DEV, "dev-deploy", "priya.natarajan", "platform", Opener.ROLE)
        .caller("github-actions-oidc")
        .uses("ecr:GetAuthorizationToken", "ecs:DescribeServices", "ecs:UpdateService")
        .resource("checkout")
        .schedule(0.65, 48, 8, 19, true)
        .client(CI_ACTION, "203.0.113.90")
        .created(700)
        .planted(Planted.HEALTHY)
        .describe("Deploys services to development from CI, least privilege");
    keyUser(DEV, "terraform-dev", "priya.natarajan", "platform")
        .uses("sts:GetCallerIdentity", "ec2:DescribeVpcs", "ec2:DescribeSubnets")
        .uses("s3:GetObject", "s3:PutObject", "dynamodb:GetItem")
        .resource("example-retail-dev-tfstate")
        .schedule(0.35, 96, 8, 19, true)
        .client(TERRAFORM, DEV_NAT)
        .created(650)
        .keyCreated(25)
        .describe("Terraform runner for the development account");
    keyUser(DEV, "load-test-runner", "sofia.rossi", "checkout")
        .uses("cloudwatch:PutMetricData", "s3:PutObject")
        .resource("example-retail-loadtest")
        .schedule(0.25, 180, 20, 23, true)
        .client(JAVA_SDK, DEV_NAT)
        .created(210)
        .keyCreated(70)
        .describe("Evening load tests against the development stack");
    keyUser(DEV, "s3-sync-tmp", null, null)
        .uses("s3:ListBucket", "s3:GetObject", "s3:PutObject")
        .resource("example-retail-dev-scratch")
        .schedule(0.25, 60, 0, 24, false)
        .client(AWS_CLI, UNKNOWN_IP)
        .created(200)
        .keyCreated(199)
        .planted(Planted.NO_OWNER)
        .describe("Untagged user, not in any inventory");
    role(DEV, "orders-api-lambda-dev", "sofia.rossi", "checkout", Opener.SERVICE)
        .caller("lambda.amazonaws.com")
        .uses("dynamodb:GetItem", "dynamodb:PutItem")
        .resource("orders-dev")
        .schedule(0.35, 36, 8, 20, true)
        .client(NODE_LAMBDA, "198.51.100.44")
        .created(400)
        .describe("Lambda behind the development orders API");
    role(DEV, "feature-flag-sync", "liam.obrien", "sre", Opener.SERVICE)
        .caller("lambda.amazonaws.com")
        .uses("ssm:GetParametersByPath", "appconfig:StartConfigurationSession")
        .resource("flags")
        .schedule(0.35, 24, 0, 24, false)
        .client(NODE_LAMBDA, "198.51.100.44")
        .created(260)
        .describe("Copies feature flags into AppConfig");
    role(DEV, "dev-jumpbox-instance", "amara.okafor", "security", Opener.SERVICE)
        .caller("ec2.amazonaws.com")
        .uses("ssm:UpdateInstanceInformation", "ec2messages:GetMessages")
        .resource("jumpbox")
        .schedule(0.25, 24, 0, 24, false)
        .client("Amazon SSM Agent 3.3.987.0", DEV_NAT)
        .created(330)
        .describe("EC2 instance profile role of the development jump box");
  }

  private void people() {
    String admin = "AWSReservedSSO_AdministratorAccess_" + ids.hex(16);
    String readOnly = "AWSReservedSSO_ReadOnlyAccess_" + ids.hex(16);
    sso(PROD, admin, "amara.okafor@example.com", "security")
        .uses("iam:ListRoles", "iam:GetRole", "cloudtrail:LookupEvents", "ec2:DescribeInstances")
        .managedPolicy("AdministratorAccess")
        .schedule(0.3, 84, 9, 17, true);
    sso(PROD, readOnly, "sofia.rossi@example.com", "checkout")
        .uses("dynamodb:DescribeTable", "logs:FilterLogEvents", "ecs:DescribeServices")
        .managedPolicy("ReadOnlyAccess")
        .schedule(0.4, 60, 9, 18, true);
    sso(DEV, admin, "priya.natarajan@example.com", "platform")
        .uses("ecs:DescribeServices", "ecs:UpdateService", "logs:FilterLogEvents")
        .managedPolicy("AdministratorAccess")
        .schedule(0.35, 72, 9, 18, true);
    sso(SHARED, admin, "liam.obrien@example.com", "platform")
        .uses("s3:ListAllMyBuckets", "iam:ListUsers", "ce:GetCostAndUsage")
        .managedPolicy("AdministratorAccess")
        .schedule(0.25, 60, 9, 17, true);
    Spec console = spec(DEV, Kind.CONSOLE_USER, "jordan.kim");
    console
        .person("jordan.kim")
        .owner("jordan.kim", "checkout")
        .uses("s3:ListAllMyBuckets", "s3:ListBucket", "dynamodb:Scan", "logs:GetLogEvents")
        .managedPolicy("PowerUserAccess")
        .resource("example-retail-dev-scratch")
        .schedule(0.25, 60, 10, 17, true)
        .client(MAC_BROWSER, OFFICE_IP)
        .created(380)
        .describe("Developer signing in to the console with a password");
  }

  private Spec keyUser(String account, String name, String owner, String team) {
    return spec(account, Kind.KEY_USER, name).owner(owner, team).keyed();
  }

  private Spec role(String account, String name, String owner, String team, Opener opener) {
    return spec(account, Kind.ROLE, name).owner(owner, team).opener(opener);
  }

  private Spec lambda(String function, String owner, String team, String... uses) {
    return role(PROD, function + "-lambda", owner, team, Opener.SERVICE)
        .caller("lambda.amazonaws.com")
        .uses(uses)
        .client(uses[0].startsWith("s3") ? PYTHON_LAMBDA : NODE_LAMBDA, "198.51.100.17")
        .created(365)
        .describe("Execution role of the " + function + " Lambda function");
  }

  private Spec ecsTask(String service, String owner, String team, String... uses) {
    return role(PROD, service + "-task", owner, team, Opener.SERVICE)
        .caller("ecs-tasks.amazonaws.com")
        .uses(uses)
        .client(JAVA_SDK, PROD_NAT)
        .created(500)
        .describe("ECS task role of the " + service + " service");
  }

  private Spec serviceLinked(String account, String name, String service) {
    return spec(account, Kind.SERVICE_LINKED_ROLE, name)
        .caller(service)
        .client(service, service)
        .describe("Service-linked role used by AWS on the account's behalf");
  }

  private Spec sso(String account, String role, String email, String team) {
    return spec(account, Kind.SSO_PERSON, role)
        .person(email)
        .owner(email, team)
        .client(BROWSER, OFFICE_IP)
        .created(800)
        .describe("IAM Identity Center permission set");
  }

  private Spec spec(String account, Kind kind, String name) {
    Spec spec = new Spec(account, kind, name);
    specs.add(spec);
    return spec;
  }

  /** Turns every spec into an actor once all are complete, in declaration order. */
  private void seal() {
    for (Spec spec : specs) {
      actors.add(spec.build());
    }
  }

  /** A mutable description of one actor while the catalog is written. */
  private final class Spec {
    private final String account;
    private final Kind kind;
    private final String name;
    private String person;
    private String owner;
    private String team;
    private Opener opener = Opener.NONE;
    private String caller;
    private final List<String> uses = new ArrayList<>();
    private List<String> grants = List.of();
    private String managedPolicy;
    private String resource;
    private Schedule schedule;
    private Client client;
    private int createdDaysAgo = 365;
    private int keyCreatedDaysAgo = -1;
    private int lastUsedDaysAgo = -1;
    private int deniedBursts;
    private List<String> deniedActions = List.of();
    private int browserDays;
    private Planted planted = Planted.NONE;
    private String description = "";
    private boolean keyed;

    Spec(String account, Kind kind, String name) {
      this.account = account;
      this.kind = kind;
      this.name = name;
    }

    Spec person(String value) {
      person = value;
      return this;
    }

    Spec owner(String ownerName, String teamName) {
      owner = ownerName;
      team = teamName;
      return this;
    }

    Spec opener(Opener value) {
      opener = value;
      return this;
    }

    Spec caller(String value) {
      caller = value;
      return this;
    }

    Spec uses(String... actions) {
      uses.addAll(List.of(actions));
      return this;
    }

    Spec grants(List<String> actions) {
      grants = actions;
      return this;
    }

    Spec managedPolicy(String value) {
      managedPolicy = value;
      return this;
    }

    Spec resource(String value) {
      resource = value;
      return this;
    }

    Spec schedule(double perDay, int calls, int fromHour, int toHour, boolean weekdays) {
      schedule = new Schedule(perDay, calls, fromHour, toHour, weekdays);
      return this;
    }

    Spec client(String userAgent, String sourceIp) {
      client = new Client(userAgent, sourceIp);
      return this;
    }

    Spec created(int daysAgo) {
      createdDaysAgo = daysAgo;
      return this;
    }

    Spec keyCreated(int daysAgo) {
      keyCreatedDaysAgo = daysAgo;
      return this;
    }

    Spec lastUsedBefore(int daysAgo) {
      lastUsedDaysAgo = daysAgo;
      return this;
    }

    Spec denied(int bursts, String... actions) {
      deniedBursts = bursts;
      deniedActions = List.of(actions);
      return this;
    }

    Spec browserDays(int days) {
      browserDays = days;
      return this;
    }

    Spec planted(Planted value) {
      planted = value;
      return this;
    }

    Spec describe(String value) {
      description = value;
      return this;
    }

    Spec keyed() {
      keyed = true;
      return this;
    }

    Actor build() {
      boolean role = kind != Kind.KEY_USER && kind != Kind.CONSOLE_USER;
      List<String> granted = grants.isEmpty() && managedPolicy == null ? uses : grants;
      return new Actor(
          account,
          kind,
          name,
          person,
          owner,
          team,
          environment(),
          opener,
          caller,
          uses,
          granted,
          managedPolicy,
          resource,
          schedule,
          client,
          account.equals(PROD) ? List.of(EAST, WEST) : List.of(EAST),
          end.minusDays(createdDaysAgo),
          keyed ? end.minusDays(Math.max(keyCreatedDaysAgo, 0)) : null,
          lastUsedDaysAgo < 0 ? null : end.minusDays(lastUsedDaysAgo),
          deniedBursts,
          deniedActions,
          browserDays,
          planted,
          description,
          ids.unique(role ? "AROA" : "AIDA"),
          keyed ? ids.accessKey() : null);
    }

    private String environment() {
      return switch (account) {
        case PROD -> "prod";
        case DEV -> "dev";
        default -> "shared";
      };
    }
  }
}
