package dev.veritas.testing.sites;

/** The two listeners of one test site server, as URL origins on 127.0.0.1. */
record Origins(int httpsPort, int httpPort) {
    static final String HOST = "127.0.0.1";

    String https() {
        return "https://" + HOST + ":" + httpsPort;
    }

    String http() {
        return "http://" + HOST + ":" + httpPort;
    }

    String of(String scheme) {
        return "https".equals(scheme) ? https() : http();
    }

    /** {@code origin + path}, with a leading slash added when the path lacks one. */
    static String url(String origin, String path) {
        return origin + (path.startsWith("/") ? path : "/" + path);
    }
}
