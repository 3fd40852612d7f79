package dev.veritas.capture.network;

import dev.veritas.hosts.UrlHost;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import dev.veritas.capture.PageCaptureException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.concurrent.RejectedExecutionException;
/**
 * A forward proxy on loopback through which Chromium makes every connection, so that every request — the
 * first navigation, each redirect hop, scripts' navigations, frames, images, WebSockets — passes the URL guard.
 * Request interception in the browser does not see redirect hops, and the browser would resolve names again
 * after the guard had checked them; here the guard resolves a name once and the connection goes to exactly
 * the address it approved, which also closes the door on DNS rebinding.
 *
 * <p>HTTPS and WebSockets arrive as {@code CONNECT host:port} and are tunnelled byte for byte (the browser still
 * does TLS end to end). Plain HTTP arrives in absolute form; each such connection carries one request
 * ({@code Connection: close} both ways), so a kept-alive connection can never carry a second request to a host
 * that was not checked.
 */
public final class GuardedProxy implements Closeable {
    /** Set on the proxy's own refusal responses, so the capturer can tell them from the site's. */
    public static final String REFUSED_HEADER = "X-Veritas-Refused";
    /** Set on the proxy's answer when nothing could be reached at the address; its value says why ("connection refused"). */
    public static final String UNREACHABLE_HEADER = "X-Veritas-Unreachable";

    private static final int MAX_HEAD = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int IDLE_TIMEOUT_MILLIS = 120_000;
    private static final int MAX_REFUSALS = 200;

    /** A connection the guard did not allow: the host as the browser named it and the guard's reason. */
    public record Refusal(String host, String reason) {}

    private final UrlGuard guard;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Refusal> refusals = new ArrayList<>();
    private final Map<String, String> unreachable = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private GuardedProxy(UrlGuard guard, ServerSocket server) {
        this.guard = guard;
        this.server = server;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "veritas-proxy-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts listening on a free loopback port. */
    public static GuardedProxy start(UrlGuard guard) {
        try {
            ServerSocket s = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
            GuardedProxy proxy = new GuardedProxy(guard, s);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new PageCaptureException("could not open the browser's guarded proxy on loopback: " + e.getMessage(), e);
        }
    }

    /** The address to give the browser, e.g. {@code http://127.0.0.1:41234}. */
    public String address() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** The same address as a socket address, for clients configured with a {@link java.net.ProxySelector}. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Connections refused so far, oldest first. */
    public List<Refusal> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** Why a connection to this host (as the browser named it) was refused, if it was. */
    public Optional<String> refusalFor(String host) {
        String h = bare(host);
        synchronized (refusals) {
            return refusals.stream().filter(r -> r.host().equals(h)).map(Refusal::reason).reduce((a, b) -> b);
        }
    }

    /** Why the last connection to {@code host:port} failed, if it did (for a tunnel the browser reports only as failed). */
    public Optional<String> unreachableFor(String host, int port) {
        return Optional.ofNullable(unreachable.get(bare(host) + ":" + port));
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            track(client);
            try {
                threads.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                closeQuietly(client);
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try {
            client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            Optional<byte[]> headBytes = readHead(in);
            if (headBytes.isEmpty()) {
                return;
            }
            List<String> head = lines(headBytes.get());
            String[] requestLine = head.get(0).split(" ");
            if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
                respond(client, 400, "Bad Request", "not an HTTP/1 proxy request", false);
                return;
            }
            boolean connect = requestLine[0].equalsIgnoreCase("CONNECT");
            Optional<URI> target = connect ? authority(requestLine[1]) : absolute(requestLine[1]);
            if (target.isEmpty()) {
                respond(client, 400, "Bad Request", "the proxy needs CONNECT host:port or an absolute http:// URL", false);
                return;
            }
            URI uri = target.get();
            UrlGuard.Decision decision = guard.check(uri);
            if (decision instanceof UrlGuard.Refused r) {
                remember(new Refusal(bare(uri.getHost()), r.reason()));
                respond(client, 403, "Forbidden", r.reason(), true);
                return;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : 80;
            Connected connected = connect(((UrlGuard.Allowed) decision).addresses(), port);
            if (connected.socket() == null) {
                String key = bare(uri.getHost()) + ":" + port;
                if (unreachable.size() < MAX_REFUSALS) {
                    unreachable.put(key, connected.failure());
                }
                respondUnreachable(client, connected.failure());
                return;
            }
            upstream = connected.socket();
            track(upstream);
            upstream.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            if (connect) {
                client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
                tunnel(client, upstream, in, upstream.getInputStream());
            } else {
                upstream.getOutputStream().write(originFormHead(requestLine, uri, head));
                upstream.getOutputStream().flush();
                Socket up = upstream;
                threads.execute(() -> pipe(in, up, client));
                InputStream fromServer = upstream.getInputStream();
                Optional<byte[]> responseHead = readHead(fromServer);
                if (responseHead.isPresent()) {
                    client.getOutputStream().write(closingResponseHead(responseHead.get()));
                    pipe(fromServer, client, upstream);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a browser or server hanging up mid-way is ordinary; the page simply misses that resource
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /** A connection to the site, or why there is none. */
    private record Connected(Socket socket, String failure) {}

    private Connected connect(List<InetAddress> addresses, int port) {
        String failure = "no address to connect to";
        for (InetAddress a : addresses) {
            Socket s = new Socket();
            try {
                s.connect(guard.destination(a, port), CONNECT_TIMEOUT_MILLIS);
                return new Connected(s, null);
            } catch (IOException e) {
                closeQuietly(s);
                failure = connectFailure(e);
            }
        }
        return new Connected(null, failure);
    }

    static String connectFailure(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "no answer to the connection within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s (connection timed out)";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to the host";
        }
        if (e instanceof ConnectException) {
            String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            return m.contains("unreachable") ? "the network is unreachable" : "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void tunnel(Socket client, Socket upstream, InputStream fromClient, InputStream fromServer) {
        threads.execute(() -> pipe(fromClient, upstream, client));
        pipe(fromServer, client, upstream);
    }

    /** Copies until either side ends, then closes both: a tunnel is over when one end is. */
    private void pipe(InputStream from, Socket to, Socket other) {
        byte[] buf = new byte[16 * 1024];
        try {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = from.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // reset, timeout or closed by the other pipe
        } finally {
            closeQuietly(to);
            closeQuietly(other);
        }
    }

    /** The request as the origin server expects it: path only, no proxy headers, one request per connection. */
    static byte[] originFormHead(String[] requestLine, URI uri, List<String> head) {
        StringBuilder sb = new StringBuilder();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        sb.append(requestLine[0]).append(' ').append(path).append(' ').append(requestLine[2]).append("\r\n");
        for (String line : head.subList(1, head.size())) {
            if (!isHopByHop(line)) {
                sb.append(line).append("\r\n");
            }
        }
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The server's response head with {@code Connection: close}, so the browser does not reuse this connection. */
    static byte[] closingResponseHead(byte[] raw) {
        List<String> head = lines(raw);
        if (head.isEmpty() || head.get(0).matches("HTTP/1\\.\\d 1\\d\\d.*")) {
            return raw; // informational (e.g. 101 Switching Protocols): passed on untouched
        }
        StringBuilder sb = new StringBuilder(head.get(0)).append("\r\n");
        for (String line : head.subList(1, head.size())) {
            if (!isHopByHop(line)) {
                sb.append(line).append("\r\n");
            }
        }
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isHopByHop(String headerLine) {
        int colon = headerLine.indexOf(':');
        String name = (colon < 0 ? headerLine : headerLine.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        return name.equals("connection") || name.equals("proxy-connection") || name.equals("keep-alive")
                || name.equals("proxy-authorization");
    }

    /** 502 marked with why, so the capturer reports an unreachable site instead of judging this answer as the site's page. */
    private static void respondUnreachable(Socket client, String why) throws IOException {
        byte[] body = ("Veritas could not reach this address: " + why + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 502 Bad Gateway\r\n" + UNREACHABLE_HEADER + ": " + why.replaceAll("[\\r\\n]", " ") + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void respond(Socket client, int status, String phrase, String reason, boolean refused) throws IOException {
        byte[] body = ("Veritas did not fetch this address: " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + phrase + "\r\n"
                + (refused ? REFUSED_HEADER + ": 1\r\n" : "")
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Reads up to the blank line that ends a head; empty when the peer hung up or the head is too large. */
    static Optional<byte[]> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        int state = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            head.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
                case 3 -> b == '\n' ? 4 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                return Optional.of(head.toByteArray());
            }
        }
        return Optional.empty();
    }

    private static List<String> lines(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * {@code host:port} of a CONNECT, as a URI the guard understands, with the host read as a browser reads it
     * (the browser sends it canonical; other clients may not).
     */
    static Optional<URI> authority(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon < hostPort.lastIndexOf(']')) {
            return Optional.empty();
        }
        String digits = hostPort.substring(colon + 1);
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int port = Integer.parseInt(digits);
        UrlHost host = UrlHost.parse(hostPort.substring(0, colon));
        if (host instanceof UrlHost.Invalid || port < 1 || port > 65535) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI("https://" + host.authority() + ":" + port + "/"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The absolute-form target of a plain-HTTP request, its host made canonical as above. */
    static Optional<URI> absolute(String target) {
        try {
            URI u = new URI(target);
            if (!"http".equalsIgnoreCase(u.getScheme()) || UrlHost.of(u).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(UrlHost.canonical(u));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void remember(Refusal r) {
        synchronized (refusals) {
            if (refusals.size() >= MAX_REFUSALS) {
                refusals.remove(0);
            }
            refusals.add(r);
        }
    }

    /** The host as the guard names it (canonical, no brackets), so a refusal is found under any spelling of it. */
    private static String bare(String host) {
        return host == null ? "" : UrlHost.parseBareOrBracketed(host).text();
    }

    private void track(Socket s) {
        open.add(s);
        if (closed) {
            closeQuietly(s);
        }
    }

    private void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : List.copyOf(open)) {
            closeQuietly(s);
        }
        threads.shutdownNow();
    }
}
