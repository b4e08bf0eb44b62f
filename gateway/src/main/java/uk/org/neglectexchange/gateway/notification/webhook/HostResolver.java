package uk.org.neglectexchange.gateway.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a webhook URL's host into addresses. An interface so that tests decide what a name resolves to, and so never
 * need DNS or send anything beyond loopback.
 */
@FunctionalInterface
public interface HostResolver {

    /** Every address of the host; never empty (an unknown host throws). */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
