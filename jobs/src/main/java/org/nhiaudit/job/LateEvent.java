package org.nhiaudit.job;

import java.io.Serializable;
import java.time.Instant;
import org.nhiaudit.alert.EventRef;

/**
 * An event that arrived after the watermark had passed its time. It still counts in the usage
 * aggregates, which do not depend on order, but no rule judges it: its place in the credential's
 * history has gone.
 *
 * @param credential the credential's aggregation key
 * @param watermark the event time the job had already reached
 */
public record LateEvent(String credential, EventRef event, Instant watermark)
    implements Serializable {}
