package org.nhiaudit.sample;

/**
 * A credential of one of the other platforms with the risk planted in it, or {@link
 * Planted#HEALTHY} for one built to score nothing.
 *
 * @param provider the provider id events carry, e.g. {@code gcp}
 * @param identity the principal as events name it
 * @param credential the credential id as events and the inventory name it
 * @param planted what was planted
 */
public record PlatformCase(String provider, String identity, String credential, Planted planted) {}
