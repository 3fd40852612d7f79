package dev.veritas.checks.phishing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Places on big brands' own domains where any user can publish: shared files, forms, sites and
 * redirects. "docs.google.com/forms/…" is on Google's domain, but Google does not vouch for what a
 * stranger's form asks, so such addresses get no credit for the brand's name.
 */
final class UserContent {
    private UserContent() {}

    /** Host (without "www.") and path prefix; an empty prefix means the whole host. */
    private record Place(String host, String pathPrefix, String description) {}

    private static final List<Place> PLACES = List.of(
            new Place("docs.google.com", "/forms", "a Google form"),
            new Place("docs.google.com", "/document", "a shared Google document"),
            new Place("docs.google.com", "/spreadsheets", "a shared Google spreadsheet"),
            new Place("docs.google.com", "/presentation", "a shared Google presentation"),
            new Place("docs.google.com", "/drawings", "a shared Google drawing"),
            new Place("drive.google.com", "", "a file shared on Google Drive"),
            new Place("sites.google.com", "", "a page published on Google Sites"),
            new Place("script.google.com", "", "a Google Apps Script published by a user"),
            new Place("storage.googleapis.com", "", "a file stored on Google Cloud Storage"),
            new Place("storage.cloud.google.com", "", "a file stored on Google Cloud Storage"),
            new Place("firebasestorage.googleapis.com", "", "a file stored on Firebase"),
            new Place("google.com", "/url", "a Google redirect to another address"),
            new Place("forms.office.com", "", "a Microsoft form"),
            new Place("forms.microsoft.com", "", "a Microsoft form"),
            new Place("sway.office.com", "", "a Microsoft Sway page"),
            new Place("onedrive.live.com", "", "a file shared on OneDrive"),
            new Place("1drv.ms", "", "a file shared on OneDrive"),
            new Place("dropbox.com", "/s/", "a file shared on Dropbox"),
            new Place("dropbox.com", "/l/", "a file shared on Dropbox"),
            new Place("dropbox.com", "/scl/", "a file shared on Dropbox"),
            new Place("dl.dropboxusercontent.com", "", "a file shared on Dropbox"),
            new Place("raw.githubusercontent.com", "", "a file published on GitHub"),
            new Place("gist.github.com", "", "a snippet published on GitHub"),
            new Place("forms.gle", "", "a Google form"));

    static Optional<String> at(String host, String path) {
        String h = host.startsWith("www.") ? host.substring(4) : host;
        String p = path.toLowerCase(Locale.ROOT);
        for (Place place : PLACES) {
            if (place.host.equals(h) && p.startsWith(place.pathPrefix)) {
                return Optional.of(place.description + " on " + h);
            }
        }
        return Optional.empty();
    }
}
