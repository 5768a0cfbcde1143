package io.dossier.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request forgery protection for the pages' forms and for session calls that change something through
 * /api/v1. Each sign-in gets a random token (32 bytes from {@link SecureRandom}), kept in an HttpOnly cookie bound to
 * that sign-in: the cookie holds the token and an HMAC of it with the identity provider's session id ({@code sid} of
 * the ID token). Pages put the token in their forms and in a meta tag for their scripts; a change is accepted only
 * when the token sent equals the cookie's and the cookie belongs to the current sign-in. So the token cannot be
 * derived (it is random, not a function of the user), a cookie planted from elsewhere or kept from an earlier sign-in
 * does not pass (its HMAC names another session), and a new sign-in gets a new token.
 * <p>
 * Stateless, so any gateway replica checks what another one minted. The session cookie is also SameSite=Lax, so a
 * cross-site POST does not carry it; the token covers the rest.
 */
@ApplicationScoped
public class Csrf {

    /**
     * The cookie that holds the token and its binding to the sign-in; with HTTPS its name has the {@code __Host-}
     * prefix, so no other site of the domain can plant one (the browser takes it only Secure, from this host, for /).
     */
    public static final String COOKIE = "dossier-csrf";
    static final String SECURE_COOKIE = "__Host-" + COOKIE;
    /** The header that session calls to /api/v1 send the token in. */
    public static final String HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final boolean secure;
    private final String cookie;
    private final CurrentVertxRequest current;

    public Csrf(GatewayConfig config, CurrentVertxRequest current) {
        // a key of its own, derived from the configured one (by default the session secret), so the two uses of
        // that secret never share a key
        this.key = hmac(config.csrfKey().getBytes(StandardCharsets.UTF_8), "dossier csrf key");
        this.secure = config.secureCookies();
        this.cookie = secure ? SECURE_COOKIE : COOKIE;
        this.current = current;
    }

    /**
     * The token to put in a page for the signed-in user: the one of this sign-in, minted (and its cookie set on this
     * answer) when the browser has none for it yet.
     */
    public String token(SecurityIdentity identity) {
        RoutingContext context = current.getCurrent();
        String minted = context.get(cookie);
        if (minted != null) {
            return minted; // a second call while rendering the same page
        }
        String session = session(identity);
        String token = tokenOf(context.request(), session);
        if (token == null) {
            token = mint();
            context.response().addCookie(Cookie.cookie(cookie, cookieValue(session, token)).setPath("/")
                    .setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.LAX));
        }
        context.put(cookie, token);
        return token;
    }

    /** Whether {@code sent} is the token of the user's current sign-in, as the request's cookie holds it. */
    public boolean valid(SecurityIdentity identity, HttpServerRequest request, String sent) {
        String token = tokenOf(request, session(identity));
        return token != null && sent != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** Refuses (403) a form whose token is missing or not that of the user's current sign-in. */
    public void check(SecurityIdentity identity, String sent) {
        if (!valid(identity, current.getCurrent().request(), sent)) {
            throw new ProblemException(403, "The form's security token is missing or out of date: reload the page "
                    + "and send it again");
        }
    }

    private String tokenOf(HttpServerRequest request, String session) {
        Cookie sent = request.getCookie(cookie);
        return sent == null ? null : tokenOf(sent.getValue(), session);
    }

    /** A new token: 32 random bytes. */
    static String mint() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The cookie's value for a token minted for {@code session}: the token and its HMAC with the session. */
    String cookieValue(String session, String token) {
        return token + "." + sign(session, token);
    }

    /** The token of a cookie value if the cookie was minted for {@code session}; null otherwise. */
    String tokenOf(String value, String session) {
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String token = value.substring(0, dot);
        byte[] expected = sign(session, token).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))
                ? token
                : null;
    }

    /**
     * The sign-in a token belongs to: the identity provider's session id, which a token refresh keeps and a new
     * sign-in changes; without one, the subject and the time it authenticated. A sign-in with neither (not one of
     * Keycloak's) cannot carry a token: its forms are refused rather than bound to the user alone.
     */
    static String session(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            Object sid = jwt.getClaim("sid");
            Object authTime = jwt.getClaim("auth_time");
            if (sid != null) {
                return "sid:" + sid;
            }
            // (the JWT principal answers 0 for a standard time claim that is absent)
            if (authTime instanceof Number time && time.longValue() > 0) {
                return "sub:" + jwt.getSubject() + "@" + time.longValue();
            }
        }
        throw new ProblemException(403, "This sign-in cannot carry the forms' security token; sign out and in again");
    }

    private String sign(String session, String token) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(key, "csrf|" + session + "|" + token));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
