package org.nhiaudit.inventory;

import java.io.Serializable;
import java.time.Instant;

/**
 * One access key as {@code aws iam list-access-keys} describes it.
 *
 * @param userName the IAM user, by name only (the command gives no ARN)
 * @param accessKeyId the key id, as events name it
 * @param active true when Status is Active
 * @param created the key's CreateDate, or null
 * @param source the file it came from
 */
public record AccessKeyMetadata(
    String userName, String accessKeyId, boolean active, Instant created, String source)
    implements Serializable {}
