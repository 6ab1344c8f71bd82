package org.nhiaudit.risk;

/** Severity bands of a 0-100 score; the lower bounds come from the risk configuration. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO
}
