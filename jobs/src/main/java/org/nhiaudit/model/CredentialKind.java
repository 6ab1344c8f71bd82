package org.nhiaudit.model;

/** The sort of credential an event was made with, or an inventory row describes. */
public enum CredentialKind {
  /** A long-lived access key (AWS AKIA keys, a GCP service-account key, an Azure secret). */
  ACCESS_KEY,
  /** Temporary credentials of an assumed role or a federated session; keyed by the role. */
  ROLE,
  /** Temporary session credentials derived from a user (for example AWS GetSessionToken). */
  SESSION,
  /** A service account or workload identity that holds no long-lived secret of its own. */
  SERVICE_ACCOUNT,
  /** A bearer token: personal access token, API token, OAuth client credential. */
  TOKEN,
  /** An installed application or OAuth app. */
  APP,
  /** A certificate or SSH / deploy key. */
  CERTIFICATE,
  /** The account's root or owner credential. */
  ROOT,
  /** Not known from the record. */
  UNKNOWN
}
