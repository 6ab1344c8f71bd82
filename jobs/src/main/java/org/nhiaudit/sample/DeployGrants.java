package org.nhiaudit.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The explicit action list of the over-privileged deploy role: what a policy grown by copy and
 * paste over the years tends to hold. Every action is spelled out (no wildcards), so the gap
 * between granted and used can be counted action by action.
 */
final class DeployGrants {

  private static final String[][] SERVICES = {
    {
      "ecs",
      "CreateCluster DeleteCluster DescribeClusters ListClusters CreateService UpdateService"
          + " DeleteService DescribeServices ListServices RegisterTaskDefinition"
          + " DeregisterTaskDefinition DescribeTaskDefinition ListTaskDefinitions RunTask"
          + " StartTask StopTask DescribeTasks ListTasks TagResource UntagResource"
          + " ListTagsForResource UpdateContainerInstancesState DescribeContainerInstances"
          + " ListContainerInstances PutClusterCapacityProviders"
    },
    {
      "ecr",
      "GetAuthorizationToken BatchCheckLayerAvailability GetDownloadUrlForLayer"
          + " BatchGetImage PutImage InitiateLayerUpload UploadLayerPart CompleteLayerUpload"
          + " DescribeRepositories CreateRepository DeleteRepository DescribeImages ListImages"
          + " BatchDeleteImage SetRepositoryPolicy GetRepositoryPolicy PutLifecyclePolicy"
          + " GetLifecyclePolicy TagResource StartImageScan"
    },
    {
      "ec2",
      "DescribeInstances RunInstances TerminateInstances StartInstances StopInstances"
          + " RebootInstances DescribeImages CreateImage DeregisterImage DescribeSnapshots"
          + " CreateSnapshot DeleteSnapshot DescribeVolumes CreateVolume AttachVolume"
          + " DetachVolume DeleteVolume DescribeSecurityGroups CreateSecurityGroup"
          + " DeleteSecurityGroup AuthorizeSecurityGroupIngress RevokeSecurityGroupIngress"
          + " AuthorizeSecurityGroupEgress RevokeSecurityGroupEgress DescribeSubnets"
          + " DescribeVpcs CreateTags DeleteTags DescribeLaunchTemplates CreateLaunchTemplate"
          + " CreateLaunchTemplateVersion DeleteLaunchTemplate DescribeKeyPairs"
          + " DescribeNetworkInterfaces ModifyInstanceAttribute"
    },
    {
      "elasticloadbalancing",
      "DescribeLoadBalancers CreateLoadBalancer DeleteLoadBalancer DescribeTargetGroups"
          + " CreateTargetGroup DeleteTargetGroup ModifyTargetGroup RegisterTargets"
          + " DeregisterTargets DescribeTargetHealth DescribeListeners CreateListener"
          + " DeleteListener ModifyListener DescribeRules CreateRule DeleteRule AddTags"
    },
    {
      "s3",
      "GetObject PutObject DeleteObject ListBucket GetBucketLocation GetBucketPolicy"
          + " PutBucketPolicy DeleteBucketPolicy CreateBucket DeleteBucket GetBucketVersioning"
          + " PutBucketVersioning GetObjectVersion PutObjectAcl GetObjectAcl"
          + " PutBucketTagging GetBucketTagging PutLifecycleConfiguration"
          + " GetLifecycleConfiguration ListAllMyBuckets"
    },
    {
      "iam",
      "PassRole GetRole CreateRole DeleteRole AttachRolePolicy DetachRolePolicy"
          + " PutRolePolicy DeleteRolePolicy ListRoles ListRolePolicies"
          + " ListAttachedRolePolicies CreateServiceLinkedRole GetPolicy GetPolicyVersion"
          + " TagRole CreateInstanceProfile AddRoleToInstanceProfile"
    },
    {
      "cloudformation",
      "CreateStack UpdateStack DeleteStack DescribeStacks DescribeStackEvents"
          + " DescribeStackResources GetTemplate ValidateTemplate CreateChangeSet"
          + " ExecuteChangeSet DescribeChangeSet DeleteChangeSet ListStacks"
    },
    {
      "lambda",
      "CreateFunction UpdateFunctionCode UpdateFunctionConfiguration GetFunction"
          + " DeleteFunction ListFunctions PublishVersion CreateAlias UpdateAlias"
          + " AddPermission RemovePermission InvokeFunction TagResource"
    },
    {
      "logs",
      "CreateLogGroup DeleteLogGroup DescribeLogGroups PutRetentionPolicy CreateLogStream"
          + " PutLogEvents GetLogEvents FilterLogEvents"
    },
    {
      "ssm",
      "GetParameter GetParameters GetParametersByPath PutParameter DeleteParameter"
          + " DescribeParameters SendCommand GetCommandInvocation"
    },
    {
      "secretsmanager",
      "GetSecretValue DescribeSecret CreateSecret UpdateSecret PutSecretValue ListSecrets"
    },
    {
      "cloudwatch",
      "PutMetricAlarm DeleteAlarms DescribeAlarms PutMetricData GetMetricData" + " PutDashboard"
    },
    {
      "autoscaling",
      "CreateAutoScalingGroup UpdateAutoScalingGroup DeleteAutoScalingGroup"
          + " DescribeAutoScalingGroups SetDesiredCapacity PutScalingPolicy"
    },
    {
      "route53",
      "ChangeResourceRecordSets ListResourceRecordSets GetChange ListHostedZones" + " GetHostedZone"
    },
    {"kms", "Decrypt Encrypt GenerateDataKey DescribeKey CreateGrant"},
    {"sns", "Publish CreateTopic Subscribe"},
    {"sqs", "SendMessage GetQueueUrl CreateQueue"}
  };

  private DeployGrants() {}

  /** Every granted action, {@code service:Operation}, in a fixed order. */
  static List<String> actions() {
    List<String> actions = new ArrayList<>();
    for (String[] service : SERVICES) {
      for (String operation : service[1].split(" ")) {
        actions.add(service[0] + ":" + operation);
      }
    }
    return List.copyOf(actions);
  }
}
