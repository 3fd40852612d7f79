package dev.veritas.capture.network;

import java.net.InetAddress;

/**
 * How audits reach sites: how a host name becomes addresses, and which port a connection to an approved address
 * uses. Normally the machine's DNS and the port the URL names. {@code veritas eval pages} replaces both for its own
 * run, to play saved pages under their real names on a server of its own, on whatever ports that server got.
 * Every connection an audit makes (the browser's, the plain-HTTP fetcher's, the TLS probe's) goes through the
 * {@link UrlGuard}, so this is the one place where names and ports are decided.
 */
public record Network(UrlGuard.Resolver resolver, Ports ports, boolean addressLiterals) {
    /** A network where URLs may also name addresses directly (an IP literal is reached as it is). */
    public Network(UrlGuard.Resolver resolver, Ports ports) {
        this(resolver, ports, true);
    }

    /** The port to connect to for an approved address and the port the URL names (443 for a bare https URL). */
    @FunctionalInterface
    public interface Ports {
        int port(InetAddress address, int port);
    }

    private static final Network SYSTEM = new Network(InetAddress::getAllByName, (address, port) -> port, true);

    /** The machine's DNS, and the ports the URLs name: what every audit uses unless its engine is told otherwise. */
    public static Network system() {
        return SYSTEM;
    }
}
