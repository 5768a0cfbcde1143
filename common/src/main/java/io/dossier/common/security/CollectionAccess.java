package io.dossier.common.security;

import java.util.Set;
import java.util.TreeSet;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Which collections a caller may read: those its token's roles name ({@code collection:<name>}), all of them with
 * {@code admin} or {@code feed-consumer} (services that follow the feeds). Every service that hands out documents
 * asks this, so a document is never shown outside the collections its reader may see.
 */
public final class CollectionAccess {

    public static final String ROLE_PREFIX = "collection:";

    private CollectionAccess() {
    }

    /** The collections the caller may read; null for all. */
    public static Set<String> readable(SecurityIdentity identity) {
        if (identity.hasRole("admin") || identity.hasRole("feed-consumer")) {
            return null;
        }
        Set<String> collections = new TreeSet<>();
        for (String role : identity.getRoles()) {
            if (role.startsWith(ROLE_PREFIX) && role.length() > ROLE_PREFIX.length()) {
                collections.add(role.substring(ROLE_PREFIX.length()));
            }
        }
        return collections;
    }

    /** Whether the caller may read documents of {@code collection}. */
    public static boolean mayRead(SecurityIdentity identity, String collection) {
        Set<String> readable = readable(identity);
        return readable == null || readable.contains(collection);
    }
}
