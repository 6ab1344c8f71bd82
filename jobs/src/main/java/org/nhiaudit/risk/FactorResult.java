package org.nhiaudit.risk;

import java.io.Serializable;

/**
 * The points one risk factor gave a credential, and why.
 *
 * @param id the factor id, e.g. {@code key-age}
 * @param title a short name for people
 * @param points the points added to the score
 * @param evidence one sentence with the facts, e.g. "access key AKIA…WXYZ created 412 days ago"
 * @param owasp the OWASP Non-Human Identities Top 10 item it addresses, e.g. {@code NHI7}
 */
public record FactorResult(String id, String title, int points, String evidence, String owasp)
    implements Serializable {}
