package io.dossier.search.watch;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.common.security.CollectionAccess;
import io.quarkus.logging.Log;

/**
 * What the owner of a watch or a webhook may read at the moment of delivery, as Keycloak holds their roles now (not
 * as their token said when they made it): a match in a collection they may no longer read is not delivered, and a
 * user Keycloak no longer has receives nothing more.
 */
@ApplicationScoped
public class OwnerAccess {

    private static final Pattern UUID_FORM = Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final KeycloakUsers users;

    OwnerAccess(@RestClient KeycloakUsers users) {
        this.users = users;
    }

    /** What an owner may read now; or that Keycloak does not know them, or did not say. */
    public record Access(State state, Set<String> collections) {

        public enum State {
            /** Keycloak answered with the user's roles. */
            KNOWN,
            /** Keycloak no longer has the user. */
            GONE,
            /** Keycloak did not say (down, slow, or not a Keycloak user id): try again later. */
            UNKNOWN
        }

        static final Access GONE_USER = new Access(State.GONE, Set.of());
        static final Access NOT_SAID = new Access(State.UNKNOWN, Set.of());

        /** {@code collections} null: all of them. */
        public boolean mayRead(String collection) {
            return state == State.KNOWN && (collections == null || collections.contains(collection));
        }
    }

    /**
     * Asks Keycloak now; callers keep the answer for one round of deliveries at most. A disabled account counts as
     * gone: its e-mail stops (the watches stay, in the app) and its webhooks are disabled, until set up again.
     */
    public Access of(String userId) {
        if (!UUID_FORM.matcher(userId).matches()) {
            return Access.NOT_SAID; // not a Keycloak user id (a token without a subject): never asked, never sent
        }
        List<KeycloakUsers.Role> roles;
        try {
            if (!users.account(userId).enabled()) {
                // a disabled account (how people usually leave) reads nothing more, wherever its roles stay
                Log.infof("user %s is disabled in Keycloak: nothing more is delivered to them", userId);
                return Access.GONE_USER;
            }
            roles = users.realmRoles(userId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 && userUnknown(e)) {
                Log.infof("user %s is no longer in Keycloak: nothing more is delivered to them", userId);
                return Access.GONE_USER;
            }
            Log.warnf("the roles of %s not known (%d): their deliveries wait", userId, e.getResponse().getStatus());
            return Access.NOT_SAID;
        } catch (RuntimeException e) {
            Log.warnf("Keycloak did not answer (%s): deliveries wait", e.getMessage());
            return Access.NOT_SAID;
        }
        Set<String> collections = new TreeSet<>();
        boolean reader = false;
        for (KeycloakUsers.Role role : roles) {
            if (role.name().equals("admin")) {
                return new Access(Access.State.KNOWN, null);
            }
            reader |= role.name().equals("reader");
            if (role.name().startsWith(CollectionAccess.ROLE_PREFIX)) {
                collections.add(role.name().substring(CollectionAccess.ROLE_PREFIX.length()));
            }
        }
        return new Access(Access.State.KNOWN, reader ? collections : Set.of());
    }

    /** Keycloak's own "User not found", not a 404 of a wrong address or realm. */
    private static boolean userUnknown(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(String.class).contains("User not found");
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
