package dev.veritas.checks.observatory;

import java.util.List;
import java.util.Objects;

/** What happened when the site was requested over plain {@code http://}, which the redirection test grades. */
public sealed interface HttpProbe {

    /** Nothing answered on plain HTTP, so there was nothing to redirect. */
    record NoHttpListener() implements HttpProbe {}

    /**
     * The responses seen, starting with the {@code http://} request itself and ending with the response
     * that was not a redirect. A site that answers over HTTP without redirecting has a single hop.
     */
    record Redirects(List<RedirectHop> hops) implements HttpProbe {
        public Redirects {
            Objects.requireNonNull(hops, "hops");
            hops = List.copyOf(hops);
            if (hops.isEmpty()) {
                throw new IllegalArgumentException("a redirect chain has at least the first http:// response");
            }
        }
    }

    static HttpProbe noHttpListener() {
        return new NoHttpListener();
    }

    static HttpProbe redirects(RedirectHop... hops) {
        return new Redirects(List.of(hops));
    }
}
