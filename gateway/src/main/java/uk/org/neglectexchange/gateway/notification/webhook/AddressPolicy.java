package uk.org.neglectexchange.gateway.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides whether the gateway may POST to a webhook URL, so that a subscriber cannot use it to reach the gateway's
 * own network (SSRF). Every address a host resolves to must be public unless it is inside
 * {@code nx.notifications.webhooks.allowed-networks}: with a mixed answer, whichever address gets used must be safe.
 */
@ApplicationScoped
public class AddressPolicy {

    static final String NOT_PUBLIC_RULE = "resolves to a private, loopback or link-local address";

    /** Not publicly routable, or not meant for a unicast POST: private, loopback, link-local, CGNAT, multicast... */
    private static final List<Cidr> NOT_PUBLIC = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7",
            "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(Cidr::parse).toList();

    /** NAT64's well-known prefix: IPv6 carrying the IPv4 address actually reached. */
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private final HostResolver resolver;
    private final List<Cidr> allowed;
    private final boolean allowPlainHttp;
    private final int maxUrlLength;

    @Inject
    public AddressPolicy(HostResolver resolver, WebhookConfig config) {
        this(resolver, config.allowedNetworks().orElse(List.of()), config.allowPlainHttp(), config.maxUrlLength());
    }

    AddressPolicy(HostResolver resolver, List<String> allowedNetworks, boolean allowPlainHttp, int maxUrlLength) {
        this.resolver = resolver;
        this.allowed = allowedNetworks.stream().map(Cidr::parse).toList();
        this.allowPlainHttp = allowPlainHttp;
        this.maxUrlLength = maxUrlLength;
    }

    /** The URL's target, or {@link RefusedUrl} naming the rule it breaks. */
    public Target check(String url) {
        URI uri = parse(url);
        boolean tls = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        String host = uri.getHost();
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new RefusedUrl("has an invalid port");
        }
        List<InetAddress> addresses = resolve(host);
        for (InetAddress address : addresses) {
            if (!isAllowed(address) && !isPublic(address)) {
                throw new RefusedUrl(NOT_PUBLIC_RULE);
            }
        }
        // plain http only to the allow list: the local suite's loopback receivers, never the internet
        if (!tls && !addresses.stream().allMatch(this::isAllowed)) {
            throw new RefusedUrl("must use https");
        }
        return new Target(uri, host, port, tls, addresses.get(0));
    }

    /** The rules that need no DNS, cheapest first. */
    private URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedUrl("must be an absolute https URL");
        }
        if (url.length() > maxUrlLength) {
            throw new RefusedUrl("is longer than " + maxUrlLength + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedUrl("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new RefusedUrl("must be an absolute https URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttp)) {
            throw new RefusedUrl("must use https");
        }
        // a registry-based authority ("user@bad_host") has no user info, but still carries an '@'
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new RefusedUrl("must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedUrl("must not contain a fragment");
        }
        if (uri.getHost() == null) {
            throw new RefusedUrl("must be an absolute https URL with a host name");
        }
        return uri;
    }

    /** A literal is its own address, so it is checked the same way without a lookup. */
    private List<InetAddress> resolve(String host) {
        InetAddress literal = Cidr.literal(host);
        if (literal != null) {
            return List.of(literal);
        }
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses == null || addresses.isEmpty()) {
                throw new UnknownHostException();
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new RefusedUrl("does not resolve");
        }
    }

    private boolean isAllowed(InetAddress address) {
        InetAddress reached = embeddedIpv4(address);
        return allowed.stream().anyMatch(network -> network.contains(address) || network.contains(reached));
    }

    static boolean isPublic(InetAddress address) {
        InetAddress reached = embeddedIpv4(address);
        // the JDK's own tests as well: they cover the same ground, and cost nothing
        return !reached.isAnyLocalAddress() && !reached.isLoopbackAddress() && !reached.isLinkLocalAddress()
                && !reached.isSiteLocalAddress() && !reached.isMulticastAddress()
                && NOT_PUBLIC.stream().noneMatch(network -> network.contains(reached));
    }

    /**
     * The IPv4 address that an IPv4-mapped (::ffff:a.b.c.d) or NAT64 address reaches, as that is what must be checked.
     * The JDK turns a mapped address it parses into IPv4 itself, but a resolver may still hand one over as IPv6.
     */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (address instanceof Inet6Address && (isIpv4Mapped(address.getAddress()) || NAT64.contains(address))) {
            try {
                return InetAddress.getByAddress(Arrays.copyOfRange(address.getAddress(), 12, 16));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
