package org.nhiaudit.risk;

/** What a reviewer is advised to do with a credential. */
public enum RecommendedAction {
  KEEP,
  ROTATE,
  REDUCE,
  REVOKE,
  ASSIGN_OWNER
}
