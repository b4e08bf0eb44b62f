package uk.org.neglectexchange.gateway.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(byte[] network, int prefix) {

    /** Dotted quads without leading zeros only: anything else is a name, never a literal read two ways. */
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    static Cidr parse(String text) {
        String[] parts = text.trim().split("/", -1);
        InetAddress address = parts.length == 2 ? literal(parts[0]) : null;
        if (address == null || !parts[1].matches("\\d{1,3}")) {
            throw new IllegalArgumentException("Not a CIDR range (e.g. 127.0.0.0/8): " + text);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > address.getAddress().length * 8) {
            throw new IllegalArgumentException("CIDR prefix too long: " + text);
        }
        return new Cidr(address.getAddress(), prefix);
    }

    /**
     * The address an IP literal stands for (IPv6 with or without brackets), or null for a host name. Only literals
     * reach {@link InetAddress#getByName}, so this never looks anything up.
     */
    static InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
