package dev.veritas.capture;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import java.util.Locale;
/**
 * Everything captured of one page. Immutable; checks read it and never change it. {@code branding} is how the page
 * presents itself (headings, logos, icons), read by both captures.
 */
public record PageCapture(
        URI requestedUrl,
        URI finalUrl,
        int status,
        List<RedirectHop> redirects,
        HeaderMap headers,
        Optional<String> contentType,
        String title,
        String html,
        boolean htmlTruncated,
        List<TextSegment> segments,
        List<ControlFacts> controls,
        List<CheckboxFacts> checkboxes,
        List<FormFacts> forms,
        List<ScriptFacts> scripts,
        List<LinkFacts> links,
        List<NetworkRequest> requests,
        List<String> consoleErrors,
        TemporalFacts temporal,
        List<Integer> screenshotIndexes,
        BrandingFacts branding,
        Optional<String> cutShort) {

    /** A page captured in full. */
    public PageCapture(URI requestedUrl, URI finalUrl, int status, List<RedirectHop> redirects, HeaderMap headers,
                       Optional<String> contentType, String title, String html, boolean htmlTruncated, List<TextSegment> segments,
                       List<ControlFacts> controls, List<CheckboxFacts> checkboxes, List<FormFacts> forms, List<ScriptFacts> scripts,
                       List<LinkFacts> links, List<NetworkRequest> requests, List<String> consoleErrors, TemporalFacts temporal,
                       List<Integer> screenshotIndexes, BrandingFacts branding) {
        this(requestedUrl, finalUrl, status, redirects, headers, contentType, title, html, htmlTruncated, segments, controls, checkboxes,
                forms, scripts, links, requests, consoleErrors, temporal, screenshotIndexes, branding, Optional.empty());
    }

    public PageCapture {
        redirects = List.copyOf(redirects);
        segments = List.copyOf(segments);
        controls = List.copyOf(controls);
        checkboxes = List.copyOf(checkboxes);
        forms = List.copyOf(forms);
        scripts = List.copyOf(scripts);
        links = List.copyOf(links);
        requests = List.copyOf(requests);
        consoleErrors = List.copyOf(consoleErrors);
        screenshotIndexes = List.copyOf(screenshotIndexes);
    }

    /** The same page, marked as captured only in part, and why ("the page stopped answering: …"). */
    public PageCapture cutShort(String why) {
        return new PageCapture(requestedUrl, finalUrl, status, redirects, headers, contentType, title, html, htmlTruncated, segments,
                controls, checkboxes, forms, scripts, links, requests, consoleErrors, temporal, screenshotIndexes, branding, Optional.of(why));
    }

    public boolean isHtml() {
        return contentType.map(c -> c.toLowerCase(Locale.ROOT).contains("html")).orElse(!html.isBlank());
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(finalUrl.getScheme());
    }

    public Optional<Integer> firstScreenshot() {
        return screenshotIndexes.isEmpty() ? Optional.empty() : Optional.of(screenshotIndexes.get(0));
    }
}
