package org.nhiaudit.report.view;

/** The usage evidence of one credential with its activity, as kept between reading and layout. */
public record UsageEntry(UsageView usage, Sparkline activity) {}
