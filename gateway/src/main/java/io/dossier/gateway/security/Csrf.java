package io.dossier.gateway.ui;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Cross-site request forgery protection for the pages' forms: every form that changes something carries a token that
 * only this gateway can compute for the signed-in user (an HMAC of the user's name under a server key), and the
 * handler refuses the request without it. The session cookie is also SameSite=Lax, so a cross-site POST does not
 * carry it; the token covers the rest.
 */
@ApplicationScoped
public class Csrf {

    private final byte[] key;

    public Csrf(GatewayConfig config) {
        this.key = config.csrfKey().getBytes(StandardCharsets.UTF_8);
    }

    /** The token to put in a form for the signed-in user. */
    public String token(SecurityIdentity identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sum = mac.doFinal(("csrf:" + identity.getPrincipal().getName()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code sent} is the user's token. */
    public boolean valid(SecurityIdentity identity, String sent) {
        byte[] expected = token(identity).getBytes(StandardCharsets.US_ASCII);
        return sent != null && MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** Refuses (403) a form whose token is missing or not this user's. */
    public void check(SecurityIdentity identity, String sent) {
        if (!valid(identity, sent)) {
            throw new ProblemException(403, "The form's security token is missing or wrong: reload the page and "
                    + "send it again");
        }
    }
}
