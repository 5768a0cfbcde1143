package io.dossier.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.quarkus.oidc.common.runtime.OidcConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Tests only: every answer of Keycloak's token endpoint to the gateway (code exchanges and refreshes), as the
 * gateway's OIDC client received it.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.TOKEN)
public class TokenEndpointCalls implements OidcResponseFilter {

    /** One answer: the grant, its status and, when it succeeded, the claims of the ID token it issued. */
    record Call(String grant, int status, JsonObject idToken) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> filter(OidcResponseFilterContext answer) {
        String grant = answer.requestProperties().getString(OidcConstants.GRANT_TYPE);
        JsonObject idToken = null;
        if (answer.statusCode() == 200 && answer.responseBody() != null) {
            String jwt = answer.responseBody().toJsonObject().getString("id_token");
            if (jwt != null) {
                idToken = new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                        StandardCharsets.UTF_8));
            }
        }
        calls.add(new Call(grant, answer.statusCode(), idToken));
        return Uni.createFrom().voidItem();
    }

    List<Call> all() {
        return List.copyOf(calls);
    }

    List<Call> refreshes() {
        return calls.stream().filter(c -> OidcConstants.REFRESH_TOKEN_GRANT.equals(c.grant())).toList();
    }

    /** The claims of the ID token the last sign-in (code exchange) issued. */
    JsonObject lastSignIn() {
        return calls.stream().filter(c -> OidcConstants.AUTHORIZATION_CODE.equals(c.grant()) && c.idToken() != null)
                .reduce((a, b) -> b).map(Call::idToken)
                .orElseThrow(() -> new AssertionError("no sign-in reached the token endpoint"));
    }
}
