package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.GatewayConfig;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CsrfTest {

    static final GatewayConfig CONFIG = new GatewayConfig() {
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
            return "a-test-key-of-some-length-0123456789";
        }

        @Override
        public RateLimit rateLimit() {
            return null;
        }
    };

    static QuarkusSecurityIdentity user(String name) {
        Principal principal = new QuarkusPrincipal(name);
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }

    @Test
    void aTokenIsTheUsersOwnAndNothingElsePasses() {
        Csrf csrf = new Csrf(CONFIG);
        String alice = csrf.token(user("alice"));
        assertThat(alice).isEqualTo(csrf.token(user("alice"))).isNotEqualTo(csrf.token(user("bob")));
        csrf.check(user("alice"), alice);
        for (String wrong : new String[]{null, "", csrf.token(user("bob")), alice.substring(1), alice + "x"}) {
            assertThatThrownBy(() -> csrf.check(user("alice"), wrong)).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("security token");
        }
        assertThat(Optional.of(new Csrf(CONFIG)).map(c -> c.token(user("alice")))).contains(alice);
    }
}
