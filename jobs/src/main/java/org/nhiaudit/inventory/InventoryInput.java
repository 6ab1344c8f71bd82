package org.nhiaudit.inventory;

import java.io.Serializable;

/**
 * One inventory file that was read, for the run summary.
 *
 * @param path the file as found under the given roots
 * @param sha256 hex SHA-256 of its bytes
 * @param kind what it was read as
 * @param rows how many entries it held: users, groups, roles and policies for authorization
 *     details; data rows for a credential report or a generic CSV; keys for a key list; list
 *     entries for generic YAML; list entries for GCP and Kubernetes exports, bindings for an IAM
 *     policy
 */
public record InventoryInput(String path, String sha256, InventoryFileKind kind, int rows)
    implements Serializable {}
