package org.nhiaudit.inventory;

/** What an inventory file turned out to be, judged by its content rather than its name. */
public enum InventoryFileKind {
  /** {@code aws iam get-account-authorization-details} JSON. */
  AWS_AUTHORIZATION_DETAILS,
  /** An IAM credential report CSV. */
  AWS_CREDENTIAL_REPORT,
  /** {@code aws iam list-access-keys} JSON. */
  AWS_ACCESS_KEYS,
  /** The generic format as YAML with a top-level {@code credentials:} list. */
  GENERIC_YAML,
  /** The generic format as CSV. */
  GENERIC_CSV,
  /** {@code gcloud iam service-accounts keys list --format=json}. */
  GCP_SERVICE_ACCOUNT_KEYS,
  /** {@code gcloud iam service-accounts list --format=json}. */
  GCP_SERVICE_ACCOUNTS,
  /** {@code gcloud projects get-iam-policy P --format=json}. */
  GCP_IAM_POLICY,
  /** {@code kubectl get ... -o json}: service accounts, roles and role bindings. */
  KUBERNETES_OBJECTS
}
