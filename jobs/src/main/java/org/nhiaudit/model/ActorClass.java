package org.nhiaudit.model;

/** Who stands behind an event: software with its own credential, a person, or the cloud itself. */
public enum ActorClass {
  /** A credential issued to software: access key, pipeline role, service account, token, app. */
  NON_HUMAN,
  /** A person: console or SSO sessions, interactive sign-ins. */
  HUMAN,
  /** The provider acting on its own behalf (for example an AWS service-linked call). */
  SERVICE
}
