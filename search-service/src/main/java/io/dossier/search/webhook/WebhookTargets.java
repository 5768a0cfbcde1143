package io.dossier.search.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.dossier.search.SearchConfig;

/**
 * Where a webhook may send: an http(s) URL whose host is not the platform's own services nor a cloud metadata
 * address, and (unless configured) not a loopback or private-network address. Checked when the webhook is saved and
 * again before each delivery, with the host resolved anew (a name that now resolves elsewhere is caught then);
 * redirects are never followed.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Names under which clouds serve instance metadata (and credentials). */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");
    /** Metadata addresses outside the link-local range: Alibaba, Oracle, AWS over IPv6. */
    private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "192.0.0.192",
            "fd00:ec2:0:0:0:0:0:254");

    /** The platform's own services, by the configuration keys that hold their addresses. */
    private static final List<Service> SERVICES = List.of(new Service("quarkus.elasticsearch.hosts", "Elasticsearch"),
            new Service("quarkus.rest-client.sources.url", "the sources service"),
            new Service("quarkus.rest-client.entities.url", "the entities service"),
            new Service("quarkus.rest-client.keycloak.url", "Keycloak"),
            new Service("quarkus.oidc.auth-server-url", "Keycloak"),
            new Service("quarkus.datasource.jdbc.url", "PostgreSQL"),
            new Service("dossier.search.mail.public-url", "the gateway"),
            new Service("quarkus.mailer.host", "the mail server"));

    private record Service(String key, String label) {
    }

    /** A host and port of one of the platform's services. */
    record Endpoint(String host, int port, String label) {
    }

    private final SearchConfig config;
    private final Config raw;

    WebhookTargets(SearchConfig config, Config raw) {
        this.config = config;
        this.raw = raw;
    }

    /** Why a URL may not receive webhooks. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The URL as it will be called, or why not. */
    public URI check(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("give the URL that receives the deliveries");
        }
        if (url.length() > 2000) {
            throw new Refused("at most 2,000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("no valid host name in it");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new Refused("the port must be between 1 and 65535");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("no user name or password in the URL: the receiver checks the signature instead");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "").replaceAll("\\.$", "");
        if (METADATA_HOSTS.contains(host)) {
            throw new Refused(host + " serves cloud instance metadata");
        }
        int port = port(uri);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " is not known");
        }
        for (InetAddress address : addresses) {
            checkAddress(host, address);
            Optional<Endpoint> own = ownService(address, port);
            if (own.isPresent()) {
                throw new Refused(host + ":" + port + " is one of Dossier's own services (" + own.get().label()
                        + "), which webhooks may not call");
            }
        }
        // called as checked: the host in the form resolved here (lower case, no final dot), so the client does not
        // look up another spelling of it that the resolver's cache does not hold; path and query as they were written
        return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private void checkAddress(String host, InetAddress address) throws Refused {
        // a private address a name resolves to is not shown: the page would tell what the internal DNS holds
        String shown = host.equals(address.getHostAddress()) || isPrivate(address) || address.isLinkLocalAddress()
                ? host
                : host + " (" + address.getHostAddress() + ")";
        if (METADATA_ADDRESSES.contains(address.getHostAddress()) || address.isLinkLocalAddress()) {
            throw new Refused(shown + " is a link-local or cloud metadata address");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || inRange(address, "0.0.0.0", 8)) {
            throw new Refused(shown + " is not an address a webhook can be sent to");
        }
        if (!config.webhooks().allowPrivateAddresses() && isPrivate(address)) {
            throw new Refused(shown + " is a loopback or private-network address, which this installation does "
                    + "not send webhooks to");
        }
    }

    static boolean isPrivate(InetAddress address) {
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || inRange(address, "100.64.0.0", 10)
                || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
    }

    private static boolean inRange(InetAddress address, String network, int bits) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        try {
            byte[] a = address.getAddress();
            byte[] n = InetAddress.getByName(network).getAddress();
            int value = ((a[0] & 0xff) << 24) | ((a[1] & 0xff) << 16) | ((a[2] & 0xff) << 8) | (a[3] & 0xff);
            int net = ((n[0] & 0xff) << 24) | ((n[1] & 0xff) << 16) | ((n[2] & 0xff) << 8) | (n[3] & 0xff);
            int mask = bits == 0 ? 0 : -1 << (32 - bits);
            return (value & mask) == (net & mask);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The platform's service this address and port reach, if any (this machine's addresses count as one). */
    Optional<Endpoint> ownService(InetAddress address, int port) {
        boolean local = isThisMachine(address);
        for (Endpoint e : endpoints()) {
            if (e.port() != port) {
                continue;
            }
            try {
                for (InetAddress a : InetAddress.getAllByName(e.host())) {
                    if (a.equals(address) || (local && isThisMachine(a))) {
                        return Optional.of(e);
                    }
                }
            } catch (UnknownHostException unknown) {
                // a service whose name does not resolve here cannot be reached by that name either
            }
        }
        return Optional.empty();
    }

    private static boolean isThisMachine(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Where the platform's services are, as this service's configuration says, and this service itself. */
    List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        found.add(new Endpoint("localhost", raw.getOptionalValue("quarkus.http.port", Integer.class).orElse(8083),
                "search service"));
        for (Service s : SERVICES) {
            Optional<String> value = raw.getOptionalValue(s.key(), String.class);
            if (value.isEmpty() || value.get().isBlank()) {
                continue;
            }
            for (String part : value.get().split(",")) {
                Endpoint e = endpoint(part.strip(), s);
                if (e != null) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private Endpoint endpoint(String value, Service s) {
        if (s.key().equals("quarkus.mailer.host")) {
            int port = raw.getOptionalValue("quarkus.mailer.port", Integer.class).orElse(25);
            return new Endpoint(value, port, s.label());
        }
        String v = value.startsWith("jdbc:") ? value.substring(5) : value;
        if (!v.contains("://")) {
            v = "http://" + v; // Elasticsearch hosts come as host:port
        }
        try {
            URI uri = new URI(v);
            if (uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort() != -1
                    ? uri.getPort()
                    : v.startsWith("postgresql:") ? 5432 : v.startsWith("https:") ? 443 : 80;
            return new Endpoint(uri.getHost(), port, s.label());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
