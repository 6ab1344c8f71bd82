package org.nhiaudit.sample;

/** The CI system's OIDC identity as the sample company's trust policies name it. */
final class Oidc {

  static final String ISSUER = "token.actions.githubusercontent.com";
  static final String AUDIENCE = "sts.amazonaws.com";
  static final String REPOSITORY = "example-retail/checkout";

  private Oidc() {}

  /** The token subject of a workflow run on the main branch. */
  static String subject() {
    return "repo:" + REPOSITORY + ":ref:refs/heads/main";
  }
}
