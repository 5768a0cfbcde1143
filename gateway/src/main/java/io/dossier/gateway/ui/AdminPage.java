package io.dossier.gateway.ui;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.dossier.common.problem.ProblemException;
import io.dossier.common.security.CollectionAccess;
import io.dossier.gateway.security.Csrf;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The administrators' page: users, their roles and their collection access, changed through Keycloak's Admin API as
 * the gateway client's service account. A change reaches a user's token at its next refresh or login: access tokens
 * live five minutes, so at most five minutes for a signed-in user.
 */
@Path("/admin")
@RolesAllowed("admin")
@Tag(name = "Web UI")
public class AdminPage {

    /** Roles an administrator hands out here: the Dossier roles and every collection role. */
    static final List<String> DOSSIER_ROLES = List.of("reader", "analyst", "editor", "admin");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(String user, List<UserView> users, List<String> roles, String csrf,
                String message);
    }

    public record UserView(String id, String username, String name, boolean enabled, List<RoleView> roles) {
    }

    public record RoleView(String name, boolean granted) {
    }

    private final Keycloak keycloak;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final AuditApi audit;

    public AdminPage(Keycloak keycloak, SecurityIdentity identity, Csrf csrf, @RestClient AuditApi audit) {
        this.audit = audit;
        this.keycloak = keycloak;
        this.identity = identity;
        this.csrf = csrf;
    }

    private RealmResource realm() {
        return keycloak.realm("dossier");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Administration page (HTML, admin role)")
    @APIResponse(responseCode = "200", description = "Users and their roles")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public TemplateInstance page(@QueryParam("notice") String notice, @QueryParam("user") String changed) {
        try {
            List<String> roles = assignable();
            List<UserView> users = new ArrayList<>();
            for (UserRepresentation u : realm().users().list(0, 200)) {
                if (u.getUsername().startsWith("service-account-")) {
                    continue;
                }
                Set<String> granted = new TreeSet<>();
                realm().users().get(u.getId()).roles().realmLevel().listAll()
                        .forEach(r -> granted.add(r.getName()));
                String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                        + (u.getLastName() == null ? "" : u.getLastName())).strip();
                users.add(new UserView(u.getId(), u.getUsername(), name, Boolean.TRUE.equals(u.isEnabled()),
                        roles.stream().map(r -> new RoleView(r, granted.contains(r))).toList()));
            }
            users.sort(Comparator.comparing(UserView::username));
            return Templates.admin(identity.getPrincipal().getName(), users, roles, csrf.token(identity),
                    notice(notice, changed, users));
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            Log.warnf("Keycloak Admin API failed: %s", e.getMessage());
            throw new ProblemException(503, "Keycloak's Admin API did not answer; try again shortly");
        }
    }

    /**
     * What the page says after a change, from a fixed code and the id of the user changed (whose name comes from
     * Keycloak, not from the address): never text taken from the address, which anyone can write into a link.
     */
    static String notice(String code, String userId, List<UserView> users) {
        String name = users.stream().filter(u -> u.id().equals(userId)).map(UserView::username).findFirst()
                .orElse(null);
        if (code == null || name == null) {
            return null;
        }
        return switch (code) {
            case "roles-changed" -> "Roles of " + name + " changed. This takes effect at the user's next token "
                    + "refresh or sign-in (within five minutes for a signed-in user).";
            case "roles-unchanged" -> "Nothing changed for " + name + ".";
            case "roles-changed-unrecorded" -> "Roles of " + name + " changed, but the audit trail could not record "
                    + "it just now; the change is in the gateway's log.";
            default -> null;
        };
    }

    /** The Dossier roles, then the collection roles the realm has. */
    private List<String> assignable() {
        List<String> out = new ArrayList<>(DOSSIER_ROLES);
        realm().roles().list().stream().map(RoleRepresentation::getName)
                .filter(n -> n.startsWith(CollectionAccess.ROLE_PREFIX)).sorted().forEach(out::add);
        return out;
    }

    @POST
    @Path("users/{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Set a user's roles (form of the administration page)")
    @APIResponse(responseCode = "303", description = "Back to the page, saying what changed and when it takes effect")
    @APIResponse(responseCode = "403", description = "Not an administrator, or no valid form token")
    public Response setRoles(@PathParam("id") String id, @FormParam("csrf") String token,
            @FormParam("role") List<String> wanted) {
        csrf.check(identity, token);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No user " + id);
        }
        Set<String> want = new TreeSet<>(wanted == null ? List.of() : wanted);
        String notice;
        try {
            List<String> assignable = assignable();
            if (!assignable.containsAll(want)) {
                throw new ProblemException(400, "Only these roles are handed out here: " + assignable);
            }
            var user = realm().users().get(id);
            String username = user.toRepresentation().getUsername();
            if (username.equals(identity.getPrincipal().getName()) && !want.contains("admin")) {
                throw new ProblemException(400, "You cannot take the admin role from yourself");
            }
            var mapped = user.roles().realmLevel();
            Set<String> has = new TreeSet<>();
            mapped.listAll().forEach(r -> has.add(r.getName()));
            List<RoleRepresentation> add = new ArrayList<>();
            List<RoleRepresentation> remove = new ArrayList<>();
            for (String role : assignable) {
                if (want.contains(role) && !has.contains(role)) {
                    add.add(realm().roles().get(role).toRepresentation());
                } else if (!want.contains(role) && has.contains(role)) {
                    remove.add(realm().roles().get(role).toRepresentation());
                }
            }
            if (!add.isEmpty()) {
                mapped.add(add);
            }
            if (!remove.isEmpty()) {
                mapped.remove(remove);
            }
            notice = add.isEmpty() && remove.isEmpty() ? "roles-unchanged" : "roles-changed";
            Log.infof("admin %s set the roles of %s: +%s -%s", identity.getPrincipal().getName(), username,
                    names(add), names(remove));
            if (!add.isEmpty() || !remove.isEmpty()) {
                try {
                    audit.record(new AuditApi.Event("ROLES", "user", username, "granted " + names(add)
                            + "; taken away " + names(remove)));
                } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
                    // the change is made (Keycloak has no transaction with us): say so, and keep it in the log
                    Log.errorf("the audit trail did not record that %s set the roles of %s (+%s -%s): %s",
                            identity.getPrincipal().getName(), username, names(add), names(remove), e.getMessage());
                    notice = "roles-changed-unrecorded";
                }
            }
        } catch (jakarta.ws.rs.NotFoundException e) {
            throw new ProblemException(404, "No user " + id);
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            Log.warnf("Keycloak Admin API failed: %s", e.getMessage());
            throw new ProblemException(503, "Keycloak's Admin API did not answer; nothing was changed");
        }
        return Response.seeOther(URI.create("/admin?notice=" + notice + "&user=" + id)).build();
    }

    private static String names(List<RoleRepresentation> roles) {
        return roles.isEmpty() ? "none" : String.join(", ", roles.stream().map(RoleRepresentation::getName).toList());
    }
}
