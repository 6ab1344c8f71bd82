package org.nhiaudit.report.view;

/** One risk factor of a credential as a reviewer reads it: what, how many points and why. */
public record FactorView(String id, String title, int points, String evidence, String owasp) {}
