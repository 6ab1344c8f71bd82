package org.nhiaudit.report.view;

/** A labelled count, e.g. a provider and how many credentials it has. */
public record CountRow(String label, long count) {}
