package io.dossier.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.dossier.gateway.GatewayConfig;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

class CsrfTest {

    static GatewayConfig config(String key) {
        return new GatewayConfig() {
            @Override
            public Map<String, String> routes() {
                return Map.of();
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public String csrfKey() {
                return key;
            }

            @Override
            public boolean secureCookies() {
                return false;
            }

            @Override
            public URI publicUrl() {
                return URI.create("http://localhost:8080");
            }

            @Override
            public RateLimit rateLimit() {
                return null;
            }
        };
    }

    /** A signed-in user as the code flow makes one: the principal is the ID token, with the provider's session id. */
    static QuarkusSecurityIdentity signedIn(String user, String sid) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-of-" + user);
        claims.setClaim("preferred_username", user);
        claims.setClaim("sid", sid);
        Principal principal = new DefaultJWTCallerPrincipal(claims);
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }

    final Csrf csrf = new Csrf(config("a-test-key-of-some-length-0123456789"), null);

    @Test
    void tokensAreRandomNotDerivedFromTheUser() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(Csrf.mint());
        }
        assertThat(tokens).hasSize(1000).allSatisfy(t -> assertThat(t).hasSize(43)); // 32 bytes, base64url
    }

    @Test
    void aCookieHoldsItsTokenOnlyForTheSignInItWasMintedFor() {
        String session = Csrf.session(signedIn("alice", "kc-session-1"));
        String token = Csrf.mint();
        String cookie = csrf.cookieValue(session, token);
        assertThat(csrf.tokenOf(cookie, session)).isEqualTo(token);

        // a refresh keeps the provider's session id; a new sign-in (even of the same user) has another one
        assertThat(Csrf.session(signedIn("alice", "kc-session-1"))).isEqualTo(session);
        assertThat(csrf.tokenOf(cookie, Csrf.session(signedIn("alice", "kc-session-2")))).isNull();
        assertThat(csrf.tokenOf(cookie, Csrf.session(signedIn("bob", "kc-session-1x")))).isNull();

        // a cookie made up without the key, or altered, holds nothing
        String other = Csrf.mint();
        for (String forged : new String[]{other + "." + cookie.substring(cookie.indexOf('.') + 1), token,
                token + ".", "." + token, cookie + "x", cookie.replace(token, other), ""}) {
            assertThat(csrf.tokenOf(forged, session)).as(forged).isNull();
        }
        // another key (another installation) does not accept it either
        Csrf elsewhere = new Csrf(config("another-installation-key-0123456789"), null);
        assertThat(elsewhere.tokenOf(cookie, session)).isNull();
    }

    @Test
    void withoutASessionIdTheSignInIsTheSubjectAndItsAuthenticationTime() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("s-1");
        claims.setClaim("auth_time", 1_700_000_000L);
        var first = QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims)).build();
        JwtClaims later = new JwtClaims();
        later.setSubject("s-1");
        later.setClaim("auth_time", 1_700_000_900L);
        var second = QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(later)).build();
        assertThat(Csrf.session(first)).isNotEqualTo(Csrf.session(second));
        // a sign-in that names no session and no time cannot carry a token: bound to the user alone it would be
        // the same for every sign-in
        JwtClaims bare = new JwtClaims();
        bare.setSubject("s-1");
        for (Principal principal : new Principal[]{new QuarkusPrincipal("x"), new DefaultJWTCallerPrincipal(bare)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Csrf.session(QuarkusSecurityIdentity.builder()
                    .setPrincipal(principal).build())).isInstanceOf(io.dossier.common.problem.ProblemException.class);
        }
    }
}
