package io.dossier.gateway.ui;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.dossier.common.problem.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Errors on the pages are pages: whatever answered with a problem (a page's own check, a role the user lacks, a path
 * that does not exist, a service that is down, the rate limit), a browser gets a page in the site's layout that says
 * in plain words what happened and what to do next. The API under /api and the developer tools under /q keep their
 * problem+json answers.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String user, int status, String heading, String detail,
                List<Step> next);

        static native TemplateInstance fragment(String detail);
    }

    /** A next step: a link and what it does. */
    public record Step(String href, String label) {
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.startsWith("/q/") || response.getStatus() < 400
                || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        // the principal as the request already knows it: nothing here may wait for an identity (an I/O thread)
        java.security.Principal principal = request.getSecurityContext().getUserPrincipal();
        String user = principal == null || principal.getName() == null || principal.getName().isEmpty()
                ? null
                : principal.getName();
        String retry = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        String detail = detail(problem, retry);
        if ("true".equals(request.getHeaderString("HX-Request"))) {
            // a fragment a page's script asked for (the typeahead): a line in place, not a whole page
            response.setEntity(Templates.fragment(detail).render());
        } else {
            // "go to search" only for someone who may search (a user without any Dossier role may not)
            boolean searches = user != null && request.getSecurityContext().isUserInRole("reader");
            response.setEntity(Templates.error(user, response.getStatus(), heading(response.getStatus()), detail,
                    next(response.getStatus(), again(request), searches)).render());
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML + ";charset=UTF-8");
    }

    /** The address to try again: this page's own (a GET), on this site whatever the request's path looks like. */
    static String again(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return null;
        }
        java.net.URI uri = request.getUriInfo().getRequestUri();
        // never "//host/…", which a browser reads as another site
        String path = "/" + uri.getRawPath().replaceFirst("^/+", "");
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String heading(int status) {
        return switch (status) {
            case 400, 422 -> "That could not be done";
            case 401 -> "Please sign in";
            case 403 -> "You do not have access to this";
            case 404 -> "Not found";
            case 405 -> "That is not something this page does";
            case 409, 412 -> "Someone changed this meanwhile";
            case 413 -> "Too large";
            case 415 -> "That kind of file is not taken";
            case 429 -> "Too many requests";
            case 502, 503, 504 -> "Unavailable right now";
            default -> status >= 500 ? "Something went wrong on our side" : "That could not be done";
        };
    }

    /** The problem's own words where they are written for people; fixed words where they would not help. */
    static String detail(Problem problem, String retryAfter) {
        int status = problem.status();
        if (status == 403 && (problem.detail() == null || problem.detail().startsWith("Your roles"))) {
            return "Your roles do not allow this. An administrator can give you the role or the collection you need.";
        }
        if (status == 429) {
            String wait = retryAfter == null
                    ? "a few seconds"
                    : "1".equals(retryAfter)
                            ? "a second"
                            : retryAfter + " seconds";
            return "You sent more requests than Dossier takes from one person in a short time. Wait " + wait
                    + ", then try again.";
        }
        if (status == 405) {
            return "This address does not take that kind of request.";
        }
        if (status >= 500 && status != 503 && status != 504 && status != 502) {
            return "Dossier could not finish this request. Try again; if it keeps happening, tell your administrator"
                    + (problem.detail() != null && problem.detail().contains("reference")
                            ? " and quote this " + problem.detail().substring(problem.detail().indexOf("reference"))
                                    .replace(")", "")
                            : "")
                    + ".";
        }
        return problem.detail() == null ? heading(status) + "." : problem.detail();
    }

    static List<Step> next(int status, String again, boolean searches) {
        List<Step> steps = new ArrayList<>();
        if (again != null && (status >= 500 || status == 429)) {
            steps.add(new Step(again, "Try again"));
        }
        if (status == 401 || status == 403) {
            steps.add(new Step("/logout", "Sign in as someone else"));
        }
        if (searches || status != 403 && status != 401) {
            steps.add(new Step("/search", "Go to search"));
        }
        return steps;
    }
}
