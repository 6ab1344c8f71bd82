package org.nhiaudit.ingest;

import java.io.Serializable;
import org.nhiaudit.model.Origin;

/** A record that could not be read: where it was and why. Written to the dead-letter output. */
public record Rejection(Origin origin, String reason) implements Serializable {}
