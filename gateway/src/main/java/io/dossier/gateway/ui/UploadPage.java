package io.dossier.gateway.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.security.CollectionAccess;
import io.dossier.gateway.security.Csrf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The upload page: files dropped or chosen go to the sources API through the gateway (with the session and the
 * page's CSRF token), each with a progress bar and its status as it goes: uploading, extracting, indexing, indexed,
 * or failed with the reason. The work is the page's script (web/app/app.js); this renders the page.
 */
@Path("/upload")
@RolesAllowed("reader")
@Tag(name = "Web UI")
public class UploadPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String user, boolean analyst, List<String> collections, String csrf);
    }

    private final SecurityIdentity identity;
    private final Csrf csrf;

    public UploadPage(SecurityIdentity identity, Csrf csrf) {
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Upload page (HTML)")
    @APIResponse(responseCode = "200", description = "The page")
    public TemplateInstance page() {
        var readable = CollectionAccess.readable(identity);
        List<String> collections = readable == null
                ? identity.getRoles().stream().filter(r -> r.startsWith(CollectionAccess.ROLE_PREFIX))
                        .map(r -> r.substring(CollectionAccess.ROLE_PREFIX.length())).sorted().toList()
                : List.copyOf(readable);
        return Templates.upload(identity.getPrincipal().getName(), identity.hasRole("analyst"),
                collections.isEmpty() ? List.of("open") : collections, csrf.token(identity));
    }
}
