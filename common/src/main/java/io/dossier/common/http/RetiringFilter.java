package io.dossier.common.http;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import io.dossier.common.problem.Problem;

/**
 * The headers of an operation marked {@link Retiring}, on every answer it gives; from its sunset day (from 00:00 UTC,
 * as its Sunset header says), 410 with a problem that names what replaces it.
 */
@Provider
public class RetiringFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH);

    @Context
    ResourceInfo resource;

    private Retiring retiring() {
        Method method;
        try {
            method = resource == null ? null : resource.getResourceMethod();
        } catch (RuntimeException e) {
            return null; // no resource method matched (a 404, a 405, input refused before matching)
        }
        return method == null ? null : method.getAnnotation(Retiring.class);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Retiring retiring = retiring();
        if (retiring != null && !LocalDate.now(ZoneOffset.UTC).isBefore(LocalDate.parse(retiring.sunset()))) {
            request.abortWith(Problem.of(410, "This operation was retired on " + retiring.sunset()
                    + (retiring.successor().isEmpty() ? "" : "; use " + retiring.successor() + " instead"))
                    .withInstance(request.getUriInfo().getRequestUri().getPath()).toResponse());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Retiring retiring = retiring();
        if (retiring == null) {
            return;
        }
        response.getHeaders().putSingle("Deprecation", deprecation(retiring.announced()));
        response.getHeaders().putSingle("Sunset", sunset(retiring.sunset()));
        if (!retiring.successor().isEmpty()) {
            response.getHeaders().add("Link", "<" + retiring.successor() + ">; rel=\"successor-version\"");
        }
    }

    /** RFC 9745: a structured date, {@code @} and the Unix time of the announcement. */
    static String deprecation(String announced) {
        return "@" + LocalDate.parse(announced).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** RFC 8594: an HTTP-date. */
    static String sunset(String day) {
        return HTTP_DATE.format(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC));
    }
}
