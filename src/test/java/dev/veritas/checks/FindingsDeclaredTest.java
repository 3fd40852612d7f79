package dev.veritas.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Finding;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.network.HttpPageCapturer;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.RedirectHop;
import dev.veritas.capture.SiteCapture;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every check, run over the test sites' pages: each finding it emits is one of the kinds it declares. */
class FindingsDeclaredTest {

    @ParameterizedTest
    @ValueSource(strings = {"honest-shop", "dark-shop", "phishing-clone", "weak-headers"})
    void everyEmittedFindingIsDeclaredByItsCheck(String folder) throws Exception {
        SiteCapture capture = capture(folder, "https");
        SiteCapture plain = capture(folder, "http");
        int emitted = 0;
        for (Check check : Checks.standard()) {
            Set<String> declared = Checks.declaredBy(check).stream().map(FindingKind::id).collect(Collectors.toSet());
            for (SiteCapture c : List.of(capture, plain)) {
                for (Finding f : check.run(c).findings()) {
                    assertThat(declared).as("kinds %s declares", check.name()).contains(f.checkId());
                    emitted++;
                }
            }
        }
        assertThat(emitted).as("findings on %s", folder).isPositive();
    }

    /** Every page of a test site, read as the plain-HTTP capture reads it, under one made-up host name. */
    private static SiteCapture capture(String folder, String scheme) throws IOException, URISyntaxException {
        Path dir = Path.of(FindingsDeclaredTest.class.getResource("/sites/" + folder).toURI());
        List<PageCapture> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".html", "");
                URI url = URI.create(scheme + "://" + folder + ".example/" + (name.equals("index") ? "" : name));
                HeaderMap headers = HeaderMap.of(Map.of("Content-Type", List.of("text/html; charset=utf-8")));
                pages.add(HttpPageCapturer.fromResponse(url, url, 200, List.of(new RedirectHop(url, 200, Optional.empty())), headers,
                        Files.readAllBytes(f), false));
            }
        }
        return new SiteCapture(pages.get(0).finalUrl(), CaptureSource.HTTP, Instant.parse("2025-06-02T10:00:00Z"), pages,
                Optional.empty(), Optional.empty(), Map.of(), List.of());
    }
}
