package org.nhiaudit.sample;

import java.time.Instant;

/**
 * One working session of an actor: the credential it holds for the session and where it works.
 *
 * @param actor who works
 * @param keyId the access key id the calls carry: the actor's own AKIA key, or a temporary ASIA key
 *     of a role or console session
 * @param sessionName the role session name, or null for IAM users
 * @param start when the session's credentials were issued
 * @param userAgent the client of this session
 * @param sourceIp the address of this session
 * @param region where its regional calls go
 */
record Session(
    Actor actor,
    String keyId,
    String sessionName,
    Instant start,
    String userAgent,
    String sourceIp,
    String region) {}
