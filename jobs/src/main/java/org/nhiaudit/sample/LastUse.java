package org.nhiaudit.sample;

import java.time.Instant;

/** When, where and for which service a credential or role was last used in the window. */
record LastUse(Instant time, String region, String service) {}
