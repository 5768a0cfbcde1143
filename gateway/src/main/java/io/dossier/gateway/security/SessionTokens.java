package io.dossier.gateway.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.DefaultTokenStateManager;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The session cookie as quarkus-oidc keeps it (all tokens, encrypted, in the cookie), read through
 * {@link SessionRefreshes} so that the requests of one session refresh its tokens once. It extends the default manager
 * rather than wrapping it: quarkus-oidc encrypts each token once more for any other manager, and the cookie would grow.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SessionTokens extends DefaultTokenStateManager {

    private final SessionRefreshes refreshes;

    public SessionTokens(SessionRefreshes refreshes) {
        this.refreshes = refreshes;
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext request, OidcTenantConfig config, String state,
            OidcRequestContext<AuthorizationCodeTokens> context) {
        return super.getTokens(request, config, state, context)
                .onItem().transformToUni(stored -> refreshes.tokensFor(request, stored));
    }
}
