package io.dossier.common.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation scheduled to go (docs/api-policy.md): every answer says so in the {@code Deprecation} header (RFC 9745,
 * the day it was announced), the {@code Sunset} header (RFC 8594, the day it goes) and a {@code Link} to what
 * replaces it ({@link RetiringFilter}). Mark the method {@link Deprecated} too, so its OpenAPI operation is
 * {@code deprecated: true}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Retiring {

    /** The day the deprecation was announced, ISO (2026-12-01). */
    String announced();

    /** The day the operation goes, ISO; at least six months after {@link #announced()}. */
    String sunset();

    /** What replaces it: a path of the API, or a page that explains; empty when nothing does. */
    String successor() default "";
}
