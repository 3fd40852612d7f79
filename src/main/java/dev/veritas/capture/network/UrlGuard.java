package dev.veritas.capture.network;

import dev.veritas.hosts.UrlHost;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Decides whether Veritas may fetch a URL. Auditing a URL someone typed must not become a way to reach the
 * machine's own network (SSRF): only http and https, and — unless private targets were explicitly allowed —
 * no loopback, private, link-local, shared, metadata or reserved addresses, checked after DNS resolution and
 * again for every redirect.
 */
public final class UrlGuard {
    private final boolean allowPrivate;
    private final Resolver resolver;
    private final Predicate<InetAddress> alsoReachable;
    private final Network.Ports ports;
    private final boolean addressLiterals;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private static final long CACHE_MILLIS = 30_000;

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public sealed interface Decision permits Allowed, Refused {}

    public record Allowed(List<InetAddress> addresses) implements Decision {}

    public record Refused(String reason) implements Decision {}

    private record Cached(Decision decision, long at) {}

    public UrlGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public UrlGuard(boolean allowPrivate, Resolver resolver) {
        this(allowPrivate, resolver, a -> false);
    }

    /**
     * A guard that also lets through the non-public addresses {@code alsoReachable} accepts: one trusted internal
     * address rather than the whole private network (tests use it to play a public site on loopback).
     */
    public UrlGuard(boolean allowPrivate, Resolver resolver, Predicate<InetAddress> alsoReachable) {
        this(allowPrivate, resolver, alsoReachable, Network.system().ports(), true);
    }

    /** A guard that resolves names and picks ports as {@code network} says. */
    public UrlGuard(boolean allowPrivate, Network network) {
        this(allowPrivate, network.resolver(), a -> false, network.ports(), network.addressLiterals());
    }

    private UrlGuard(boolean allowPrivate, Resolver resolver, Predicate<InetAddress> alsoReachable, Network.Ports ports,
                     boolean addressLiterals) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        this.alsoReachable = alsoReachable;
        this.ports = ports;
        this.addressLiterals = addressLiterals;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Throws {@link UrlRefusedException} with a reason a person can act on. */
    public void require(URI url) {
        if (check(url) instanceof Refused r) {
            throw new UrlRefusedException(r.reason());
        }
    }

    /**
     * Where to connect for an address this guard approved and the port the URL names: the same address (carrying
     * its host name, for certificate checks) on the port the network gives.
     */
    public InetSocketAddress destination(InetAddress approved, int port) {
        return new InetSocketAddress(approved, ports.port(approved, port));
    }

    public Decision check(URI url) {
        if (url == null) {
            return new Refused("no URL given");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refused("only http and https URLs can be audited (got " + (scheme.isEmpty() ? "no scheme" : scheme + ":") + ")");
        }
        // The host as the browser reads it: 0177.0.0.1 and 0x7f.1 are 127.0.0.1 there, whatever the JDK makes of them.
        Optional<UrlHost> parsed = UrlHost.of(url);
        if (parsed.isEmpty() || parsed.get().text().isBlank()) {
            return new Refused("the URL has no host name");
        }
        UrlHost host = parsed.get();
        if (host instanceof UrlHost.Invalid i) {
            return new Refused("the host " + i.input() + " is not valid: " + i.reason());
        }
        String key = host.text();
        Cached c = cache.get(key);
        long now = System.currentTimeMillis();
        if (c != null && now - c.at < CACHE_MILLIS) {
            return c.decision;
        }
        Decision d = host instanceof UrlHost.Ip ip ? decide(ip) : decide(host.text());
        cache.put(key, new Cached(d, now));
        return d;
    }

    /** Whether the name (lower case, no brackets) is one that only means something on a local network. */
    public static boolean isLocalName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal")
                || host.endsWith(".local") || host.equals("metadata.google.internal");
    }

    /** Whether the address is on the public internet (not loopback, private, link-local, shared, reserved …). */
    public static boolean isPublicAddress(InetAddress a) {
        return nonPublicReason(a) == null;
    }

    /** An address literal: judged as it is, never given to the resolver (which would read some spellings differently). */
    private Decision decide(UrlHost.Ip ip) {
        if (!addressLiterals) {
            return new Refused("the address " + ip.authority() + " is not reachable on this network: only its named sites are");
        }
        InetAddress a = ip.address();
        if (!allowPrivate && !alsoReachable.test(a)) {
            String why = nonPublicReason(a);
            if (why != null) {
                return refusedPrivate(ip.authority(), why);
            }
        }
        return new Allowed(List.of(a));
    }

    private Decision decide(String host) {
        if (!allowPrivate && isLocalName(host)) {
            return refusedPrivate(host, "a local name");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Refused("the host name " + host + " does not resolve (DNS); check the spelling");
        } catch (SecurityException e) {
            return new Refused("the host name " + host + " could not be resolved: " + e.getMessage());
        }
        if (addresses.length == 0) {
            return new Refused("the host name " + host + " has no addresses");
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                String why = alsoReachable.test(a) ? null : nonPublicReason(a);
                if (why != null) {
                    return refusedPrivate(host + " (" + a.getHostAddress() + ")", why);
                }
            }
        }
        return new Allowed(List.of(addresses));
    }

    private static Refused refusedPrivate(String what, String why) {
        return new Refused("refusing to fetch " + what + ": it is " + why
                + "; to audit sites on your own network, start Veritas with --allow-private (or VERITAS_ALLOW_PRIVATE=true)");
    }

    /** Null when the address is public; otherwise what kind of non-public address it is. */
    static String nonPublicReason(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isLocalUseNat64(b)) {
                return "a local-use NAT64 address (64:ff9b:1::/48)";
            }
            if (isV4Mapped(b) || isV4Compatible(b) || isNat64(b)) {
                return nonPublicReason(v4(b, 12));
            }
            // IPv6 addresses that carry an IPv4 address and lead to it through a relay: judged by what they carry.
            if (b[0] == 0x20 && b[1] == 0x02) {
                return embedded("a 6to4 address (2002::/16) that leads to", v4(b, 2));
            }
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
                byte[] client = {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
                String server = embedded("a Teredo address (2001::/32) whose server is", v4(b, 4));
                return server != null ? server : embedded("a Teredo address (2001::/32) whose client is", v4(client, 0));
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique local) address";
            }
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "a documentation address";
            }
            if (b[0] == 0x01 && b[1] == 0 && allZero(b, 2, 8)) {
                return "a discard-only address (100::/64)";
            }
        }
        if (a.isLoopbackAddress()) {
            return "this machine (loopback)";
        }
        if (a.isAnyLocalAddress()) {
            return "an unspecified address (0.0.0.0)";
        }
        if (a.isLinkLocalAddress()) {
            return a.getHostAddress().startsWith("169.254.169.254") ? "a cloud metadata address" : "a link-local address";
        }
        if (a.isSiteLocalAddress()) {
            return "a private network address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        if (a instanceof Inet4Address) {
            byte[] b = a.getAddress();
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            int o2 = b[2] & 0xff;
            if (o0 == 0) {
                return "a reserved address (0.0.0.0/8)";
            }
            if (o0 == 100 && o1 >= 64 && o1 <= 127) {
                return "a carrier-grade shared address (100.64.0.0/10)";
            }
            if (o0 == 192 && o1 == 0 && o2 == 0) {
                return "a reserved address (192.0.0.0/24)";
            }
            if ((o0 == 192 && o1 == 0 && o2 == 2) || (o0 == 198 && o1 == 51 && o2 == 100) || (o0 == 203 && o1 == 0 && o2 == 113)) {
                return "a documentation address";
            }
            if (o0 == 198 && (o1 == 18 || o1 == 19)) {
                return "a benchmarking address (198.18.0.0/15)";
            }
            if (o0 >= 240) {
                return "a reserved address (240.0.0.0/4)";
            }
        }
        return null;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isV4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
    }

    /** NAT64: the well-known prefix 64:ff9b::/96 puts the IPv4 address in the last 32 bits; the rest of the /32 is judged alike. */
    private static boolean isNat64(byte[] b) {
        return b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    }

    private static boolean isLocalUseNat64(byte[] b) {
        return b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int offset) {
        try {
            return InetAddress.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    /** Null when the embedded IPv4 address is public; otherwise the kind of IPv6 address and what it carries. */
    private static String embedded(String kind, InetAddress v4) {
        String why = nonPublicReason(v4);
        return why == null ? null : kind + " " + v4.getHostAddress() + ", " + why;
    }
}
