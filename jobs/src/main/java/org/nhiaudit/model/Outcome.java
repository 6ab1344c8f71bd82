package org.nhiaudit.model;

/** How a call ended, as far as the audit record says. */
public enum Outcome {
  SUCCESS,
  /** Refused by an authorisation check (AccessDenied, 403, PERMISSION_DENIED). */
  DENIED,
  /** Failed for any other reason (throttling, missing resource, validation). */
  ERROR
}
