package io.dossier.search.watch;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.dossier.search.query.CollectionAccess;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is asking: the token's subject (the owner of what they make) and user name, their e-mail address, whether an
 * administrator, and the collections they may read (null: all).
 */
public record Caller(String id, String name, String email, boolean admin, Set<String> readable) {

    public static Caller of(SecurityIdentity identity, JsonWebToken token) {
        String name = identity.getPrincipal().getName();
        String subject = token.getSubject();
        Object email = token.getClaim("email");
        return new Caller(subject == null ? name : subject, name, email == null ? null : email.toString(),
                identity.hasRole("admin"), CollectionAccess.readable(identity));
    }
}
