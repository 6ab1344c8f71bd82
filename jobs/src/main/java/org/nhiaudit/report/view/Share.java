package org.nhiaudit.report.view;

/**
 * How many credentials have a property, out of how many, and what the property means.
 *
 * @param label e.g. "Dormant"
 * @param count credentials with the property
 * @param of the credentials it was judged over
 * @param percent {@code count / of} as a whole percent, for people
 * @param definition one sentence saying how the property was decided
 */
public record Share(String label, long count, long of, String percent, String definition) {}
