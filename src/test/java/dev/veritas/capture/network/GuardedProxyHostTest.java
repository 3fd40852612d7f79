package dev.veritas.capture.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guarded proxy reads the host of a CONNECT or an absolute URL as a browser does: any spelling of an address is
 * that address, judged by the guard and connected to as such. 127.0.0.1 plays a public site, 127.0.0.2 an internal one.
 */
class GuardedProxyHostTest {
    private static final InetAddress PUBLIC = InetAddress.getLoopbackAddress();

    private ServerSocket upstream;
    private final AtomicInteger upstreamConnections = new AtomicInteger();
    private GuardedProxy proxy;

    @BeforeEach
    void start() throws IOException {
        upstream = new ServerSocket(0, 50, PUBLIC);
        Thread t = new Thread(() -> {
            while (!upstream.isClosed()) {
                try (Socket s = upstream.accept()) {
                    upstreamConnections.incrementAndGet();
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        });
        t.setDaemon(true);
        t.start();
        proxy = GuardedProxy.start(new UrlGuard(false, InetAddress::getAllByName, a -> a.equals(PUBLIC)));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.close();
    }

    @Test
    void aConnectToAnAddressWrittenInHexReachesThatAddress() throws IOException {
        String answer = ask("CONNECT 0x7f.1:" + upstream.getLocalPort() + " HTTP/1.1\r\nHost: 0x7f.1\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 Connection Established").endsWith("ok");
        assertThat(upstreamConnections).hasValue(1);
    }

    @Test
    void aConnectToAnInternalAddressInAnySpellingIsRefusedAsThatAddress() throws IOException {
        String answer = ask("CONNECT 0x7f.0.0.2:" + upstream.getLocalPort() + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 403").contains(GuardedProxy.REFUSED_HEADER).contains("127.0.0.2").contains("loopback");
        assertThat(proxy.refusalFor("127.0.0.2")).hasValueSatisfying(r -> assertThat(r).contains("loopback"));
        assertThat(proxy.refusalFor("0x7f.0.0.2")).as("found under any spelling").isPresent();
        assertThat(upstreamConnections).hasValue(0);
    }

    @Test
    void aPlainRequestToAnAddressWrittenInOctalReachesThatAddress() throws IOException {
        String answer = ask("GET http://0177.0.0.1:" + upstream.getLocalPort() + "/x HTTP/1.1\r\nHost: 0177.0.0.1\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("ok");
        assertThat(upstreamConnections).hasValue(1);
    }

    @Test
    void aHostThatIsNoValidAddressIsABadRequest() throws IOException {
        assertThat(ask("CONNECT 1.2.3.256:443 HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(upstreamConnections).hasValue(0);
    }

    private String ask(String request) throws IOException {
        try (Socket s = new Socket(proxy.socketAddress().getAddress(), proxy.socketAddress().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Every answer ends with the connection: a refusal closes it, and the upstream closes after its "ok".
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
