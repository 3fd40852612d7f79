package dev.veritas.eval.pages;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small corpus of pages written for these tests: one phishing-style kit under four addresses, one honest page. */
final class TestCorpus {
    static final String LOOK_ALIKE_HOST = "coinbase-account-verify.com";
    static final String BRAND_FREE_HOST = "meadowbrook-portal-3381.net";
    static final String PAGE_HOST = "www.riverbend-courier.com";
    static final String PAGE_PATH = "/news/2024/06/library-reopens";

    private TestCorpus() {}

    static Path manifest() {
        try {
            return Path.of(TestCorpus.class.getResource("/eval-pages/manifest.tsv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path folder() {
        return manifest().getParent();
    }
}
