package uk.org.neglectexchange.gateway.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which webhook URLs the gateway may POST to. Names resolve through a map, literals need no lookup, so these tests
 * send nothing anywhere.
 */
class AddressPolicyTest {

    private static final Map<String, List<InetAddress>> DNS = Map.of(
            "public.example.test", List.of(ip("93.184.215.14")),
            "public6.example.test", List.of(ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c"), ip("93.184.215.14")),
            "internal.example.test", List.of(ip("10.1.2.3")),
            "metadata.example.test", List.of(ip("169.254.169.254")),
            "mixed.example.test", List.of(ip("93.184.215.14"), ip("192.168.1.1")),
            "localhost.example.test", List.of(ip("127.0.0.1")),
            "mapped.example.test", List.of(mapped(10, 0, 0, 1)));

    private final List<String> lookedUp = new ArrayList<>();
    private final HostResolver resolver = host -> {
        lookedUp.add(host);
        List<InetAddress> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    };

    private final AddressPolicy production = new AddressPolicy(resolver, List.of(), false, 2000);
    private final AddressPolicy localSuite = new AddressPolicy(resolver, List.of("127.0.0.0/8", "::1/128"), true, 2000);

    @Test
    void aPublicHttpsUrlPassesWithTheAddressChecked() {
        Target target = production.check("https://public.example.test/hooks/nx?tenant=a%20b");
        assertEquals(URI.create("https://public.example.test/hooks/nx?tenant=a%20b"), target.uri());
        assertEquals("public.example.test", target.host());
        assertEquals(443, target.port());
        assertTrue(target.tls());
        assertEquals(ip("93.184.215.14"), target.address());
        assertEquals(8443, production.check("https://public.example.test:8443/").port());
        assertEquals(ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c"), production.check("https://public6.example.test/").address());
    }

    @Test
    void publicLiteralsPassWithoutALookup() {
        assertEquals(ip("93.184.215.14"), production.check("https://93.184.215.14/hook").address());
        assertEquals(ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
                production.check("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook").address());
        // NAT64 (an IPv6-only network's way to public IPv4): what it reaches is public
        production.check("https://[64:ff9b::5db8:d70e]/hook");
        assertEquals(List.of(), lookedUp);
    }

    @Test
    void onlyHttps() {
        refused(production, "http://public.example.test/", "must use https");
        refused(production, "ftp://public.example.test/", "must use https");
        refused(production, "HTTP://public.example.test/", "must use https");
        // even where plain http is allowed, only to the allow list
        refused(localSuite, "http://public.example.test/", "must use https");
        assertEquals(List.of("public.example.test"), lookedUp);
    }

    @Test
    void loopbackOnlyThroughTheAllowList() {
        Target local = localSuite.check("http://127.0.0.1:8089/receiver");
        assertFalse(local.tls());
        assertEquals(80, localSuite.check("http://localhost.example.test/").port());
        assertEquals(ip("::1"), localSuite.check("http://[::1]:9000/").address());
        assertEquals(ip("127.0.0.1"), localSuite.check("https://127.0.0.1:8443/").address());

        refused(production, "https://127.0.0.1:8443/", AddressPolicy.NOT_PUBLIC_RULE);
        refused(production, "https://localhost.example.test/", AddressPolicy.NOT_PUBLIC_RULE);
        AddressPolicy allowListOnly = new AddressPolicy(resolver, List.of("127.0.0.0/8"), false, 2000);
        refused(allowListOnly, "http://127.0.0.1:8089/receiver", "must use https");
        assertEquals(ip("127.0.0.1"), allowListOnly.check("https://127.0.0.1:8443/").address());
    }

    @Test
    void namesOfInternalAddressesAreRefused() {
        refused(production, "https://internal.example.test/", AddressPolicy.NOT_PUBLIC_RULE);
        refused(production, "https://metadata.example.test/latest/meta-data/", AddressPolicy.NOT_PUBLIC_RULE);
        refused(production, "https://mapped.example.test/", AddressPolicy.NOT_PUBLIC_RULE);
        // one bad address is enough: the connection might go to either
        refused(production, "https://mixed.example.test/", AddressPolicy.NOT_PUBLIC_RULE);
        refused(localSuite, "https://mixed.example.test/", AddressPolicy.NOT_PUBLIC_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.255.0.9", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254", "192.0.0.8", "192.0.2.1",
            "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.7", "224.0.0.1", "239.255.255.250",
            "240.0.0.1", "255.255.255.255", "[::1]", "[::]", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]",
            "[::ffff:10.0.0.1]", "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]", "[64:ff9b::a00:1]", "[::a00:1]",
            "[fec0::1]", "[ff02::1]", "[2001:db8::1]", "[2002:a00:1::1]", "[100::1]" })
    void literalsThatAreNotPublicAreRefused(String host) {
        refused(production, "https://" + host + "/hook", AddressPolicy.NOT_PUBLIC_RULE);
        assertEquals(List.of(), lookedUp);
    }

    @ParameterizedTest
    @ValueSource(strings = { "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "169.253.0.1",
            "198.17.255.255", "198.20.0.1", "11.0.0.1", "192.169.0.1", "223.255.255.254" })
    void neighboursOfThoseRangesArePublic(String host) {
        assertEquals(ip(host), production.check("https://" + host + "/").address());
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        refused(production, "https://nowhere.invalid/hook", "does not resolve");
    }

    @Test
    void urlShapeRules() {
        refused(production, "https://user:hunter2@public.example.test/", "must not contain credentials");
        refused(production, "https://token@public.example.test/", "must not contain credentials");
        refused(production, "https://public.example.test/hook#part", "must not contain a fragment");
        refused(production, "/hooks/relative", "must be an absolute https URL");
        refused(production, "public.example.test/hook", "must be an absolute https URL");
        refused(production, "mailto:someone@example.test", "must be an absolute https URL");
        refused(production, "   ", "must be an absolute https URL");
        refused(production, null, "must be an absolute https URL");
        refused(production, "https:///no-host", "must be an absolute https URL with a host name");
        refused(production, "https://bad_host.example.test/", "must be an absolute https URL with a host name");
        refused(production, "https://public.example.test/a b", "is not a valid URL");
        refused(production, "https://public.example.test:0/", "has an invalid port");
        refused(production, "https://public.example.test:70000/", "has an invalid port");
        assertEquals(List.of(), lookedUp);
    }

    @Test
    void aLongUrlIsRefusedBeforeAnythingElse() {
        String prefix = "https://public.example.test/";
        String longest = prefix + "a".repeat(2000 - prefix.length());
        assertEquals(2000, production.check(longest).uri().toString().length());
        refused(production, longest + "a", "is longer than 2000 characters");
    }

    @Test
    void theMessageSaysWhatIsWrongAndNothingMore() {
        RefusedUrl refused = assertThrows(RefusedUrl.class,
                () -> production.check("https://user:hunter2@public.example.test/?token=abc"));
        assertEquals("must not contain credentials", refused.getMessage());
    }

    @Test
    void aBadAllowListStopsStartup() {
        for (String network : List.of("10.0.0.0", "10.0.0.0/33", "example.test/8", "::1/129", "10.0.0.0/x")) {
            assertThrows(IllegalArgumentException.class, () -> new AddressPolicy(resolver, List.of(network), false, 2000),
                    network);
        }
        assertEquals(List.of(), lookedUp);
    }

    private static void refused(AddressPolicy policy, String url, String rule) {
        RefusedUrl refused = assertThrows(RefusedUrl.class, () -> policy.check(url), url);
        assertEquals(rule, refused.rule(), url);
    }

    /** An address from a literal: no lookup. */
    private static InetAddress ip(String literal) {
        InetAddress address = Cidr.literal(literal);
        if (address == null) {
            throw new IllegalArgumentException(literal);
        }
        return address;
    }

    /** An IPv4-mapped IPv6 address kept as IPv6, as a resolver might return it. */
    private static InetAddress mapped(int a, int b, int c, int d) {
        byte[] bytes = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) a, (byte) b, (byte) c, (byte) d };
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
