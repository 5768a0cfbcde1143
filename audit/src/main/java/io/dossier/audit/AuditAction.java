package io.dossier.audit;

/** What an audited actor did. */
public enum AuditAction {
    /** Read a document of a restricted collection (its summary, text, original or notes). */
    READ, CREATE, UPDATE, DELETE, MERGE, UNMERGE,
    /** Took material out of the platform in bulk: a search's hits, the registry, the audit trail itself. */
    EXPORT,
    /** Changed what a user may do: roles granted and taken away. */
    ROLES
}
