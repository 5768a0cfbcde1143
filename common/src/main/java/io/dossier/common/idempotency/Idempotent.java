package io.dossier.common.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A POST that creates something new each time it is sent (an entity, a relation, a watch, a webhook): with an
 * {@code Idempotency-Key} header, sending it again answers the first result instead of creating a second one
 * ({@link IdempotencyFilter}). The service needs the table of Flyway migration {@code idempotency_keys}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    String HEADER = "Idempotency-Key";
    String REPLAYED = "Idempotent-Replayed";
}
