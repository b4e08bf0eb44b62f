package uk.org.neglectexchange.gateway.notification.webhook;

import java.net.InetAddress;
import java.net.URI;

/**
 * A webhook URL that passed {@link AddressPolicy#check}, with the address that was checked. The sender connects to
 * that address rather than resolving the host again, so a name cannot be re-pointed at an internal address between
 * the check and the connection (DNS rebinding).
 *
 * @param host as written in the URL (IPv6 in brackets), sent as Host and as the TLS server name
 */
public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {
}
