package dev.veritas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import java.util.Locale;
/**
 * A minimal HTTP/1.1 keep-alive client for load generation: pre-built request bytes, one buffer, and just enough
 * parsing to find the end of each response. A full client would spend more of the 2 cores than the server it measures.
 */
final class KeepAliveClient implements AutoCloseable {
    private final String host;
    private final int port;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends a GET and returns the status code, having read the whole body. */
    int get(String path) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nAccept-Encoding: gzip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        String header;
        while (!(header = line()).isEmpty()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (header.regionMatches(true, 0, "transfer-encoding:", 0, 18) && header.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(line().strip(), 16)) > 0) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        return code;
    }

    private boolean fill() throws IOException {
        pos = 0;
        len = in.read(buf);
        return len > 0;
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (pos >= len && !fill()) {
                throw new IOException("connection closed mid-body");
            }
            int take = (int) Math.min(left, len - pos);
            pos += take;
            left -= take;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (pos >= len && !fill()) {
                throw new IOException("connection closed");
            }
            byte c = buf[pos++];
            if (c == '\n') {
                int l = sb.length();
                return l > 0 && sb.charAt(l - 1) == '\r' ? sb.substring(0, l - 1) : sb.toString();
            }
            sb.append((char) c);
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
