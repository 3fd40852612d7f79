package dev.veritas.checks.observatory;

import static dev.veritas.checks.observatory.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Score, curve, grade table, statuses that are not graded, the JSON shape and the notes for users. */
class ObservatoryGraderTest {
    /** Every bonus there is: CSP +10, XFO via CSP +5, cookies +5, COEP +10, COOP +10, referrer +5, HSTS +5, SRI +5, CORP +10. */
    private static ObservatoryInput.Builder spotless() {
        return page("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
                "Set-Cookie", "SESSIONID=1; Secure; HttpOnly; SameSite=Lax",
                "Cross-Origin-Embedder-Policy", "require-corp",
                "Cross-Origin-Opener-Policy", "same-origin",
                "Referrer-Policy", "no-referrer",
                "Strict-Transport-Security", "max-age=31536000",
                "X-Content-Type-Options", "nosniff",
                "Cross-Origin-Resource-Policy", "same-origin")
                .hstsPreloaded(true)
                .body(Pages.html("<script src=\"https://cdn.example/x.js\" integrity=\"sha384-abc\"></script>"));
    }

    @Test
    void aSpotlessSiteKeepsEveryBonus() {
        ObservatoryOutcome.Graded graded = Pages.grade(spotless());

        assertThat(graded.report().score()).isEqualTo(165);
        assertThat(graded.report().grade()).isEqualTo("A+");
        assertThat(graded.report().testsPassed()).isEqualTo(12);
        assertThat(graded.report().testsFailed()).isZero();
        assertThat(graded.breakdown().bonusesCounted()).isTrue();
        assertThat(graded.breakdown().lostBonuses()).isEmpty();
        assertThat(graded.notes()).isEmpty();
    }

    @Test
    void aBarePageScoresItsPenaltiesOnly() {
        // CSP -25, HSTS -20, X-Content-Type-Options -5, X-Frame-Options -20
        ObservatoryOutcome.Graded graded = Pages.grade(page());

        assertThat(graded.report().score()).isEqualTo(30);
        assertThat(graded.report().grade()).isEqualTo("D");
        assertThat(graded.report().testsPassed()).isEqualTo(8);
        assertThat(graded.report().testsFailed()).isEqualTo(4);
    }

    @ParameterizedTest(name = "HSTS [{0}], XCTO [{1}] → score {2}, uncurved {3}, bonuses counted {4}")
    @CsvSource(delimiter = '|', value = {
        // penalties of exactly 10 leave 90: the +20 of bonuses (CSP 10, XFO 5, referrer 5) count
        "max-age=86400    | nosniff | 110 | 90 | true",
        // 15 of penalties: uncurved 85 is below 90, the bonuses are dropped
        "max-age=86400    | ''      | 85  | 85 | false",
        // no penalty at all
        "max-age=31536000 | nosniff | 120 | 100 | true"})
    void bonusesOnlyCountWhenPenaltiesLeaveAtLeast90(String hsts, String xcto, int score, int uncurved, boolean counted) {
        ObservatoryInput.Builder page = page("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
                "Referrer-Policy", "no-referrer", "Strict-Transport-Security", hsts, "X-Content-Type-Options", xcto);

        ObservatoryOutcome.Graded graded = Pages.grade(page);

        assertThat(graded.report().score()).isEqualTo(score);
        assertThat(graded.breakdown().uncurvedScore()).isEqualTo(uncurved);
        assertThat(graded.breakdown().scoreWithExtraCredit()).isEqualTo(uncurved + 20);
        assertThat(graded.breakdown().bonusesCounted()).isEqualTo(counted);
    }

    @Test
    void lostBonusesAreReportedWithoutChangingTheGrade() {
        ObservatoryInput.Builder page = page("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
                "Referrer-Policy", "no-referrer", "Strict-Transport-Security", "max-age=86400");

        ObservatoryOutcome.Graded graded = Pages.grade(page);

        assertThat(graded.report().score()).isEqualTo(85);
        assertThat(graded.report().grade()).isEqualTo("A-");
        assertThat(graded.breakdown().lostBonuses()).extracting(ScoreBreakdown.LostBonus::result).containsExactly(
                "csp-implemented-with-no-unsafe-default-src-none", "referrer-policy-private", "x-frame-options-implemented-via-csp");
        assertThat(graded.notes()).extracting(ObservatoryNote::code).containsExactly(ObservatoryNote.BONUSES_NOT_COUNTED);
        assertThat(graded.notes().get(0).message()).contains("85").contains("20 bonus points");
    }

    @Test
    void theScoreNeverGoesBelowZero() {
        ObservatoryInput.Builder terrible = page("Set-Cookie", "SESSIONID=1", "Content-Security-Policy", "script-src 'unsafe-inline'")
                .body(Pages.html("<script src=\"http://cdn.example/x.js\"></script>"))
                .corsProbe(new CorsProbe("https://evil.example",
                        HttpHeaders.of("Access-Control-Allow-Origin", "https://evil.example", "Access-Control-Allow-Credentials", "true")))
                .httpProbe(HttpProbe.redirects(RedirectHop.of("http://mozilla.org/", 200)));

        ObservatoryOutcome.Graded graded = Pages.grade(terrible);

        assertThat(graded.breakdown().uncurvedScore()).isNegative();
        assertThat(graded.report().score()).isZero();
        assertThat(graded.report().grade()).isEqualTo("F");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "-20, F", "0, F", "24, F", "25, D-", "29, D-", "30, D", "39, D", "40, D+", "44, D+", "45, C-", "49, C-", "50, C", "59, C",
        "60, C+", "64, C+", "65, B-", "69, B-", "70, B", "79, B", "80, B+", "84, B+", "85, A-", "89, A-", "90, A", "99, A",
        "100, A+", "165, A+"})
    void gradeTable(int score, String grade) {
        assertThat(Grades.forScore(score)).isEqualTo(grade);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 199, 400, 404, 410, 429, 500, 502, 503})
    void statusesObservatoryDoesNotGrade(int status) {
        ObservatoryOutcome outcome = ObservatoryGrader.grade(page().status(status).build());

        assertThat(outcome).isInstanceOfSatisfying(ObservatoryOutcome.NotGraded.class, notGraded -> {
            assertThat(notGraded.status()).isEqualTo(status);
            assertThat(notGraded.reason()).contains(Integer.toString(status));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 301, 304, 399, 401, 403})
    void statusesObservatoryGrades(int status) {
        assertThat(ObservatoryGrader.grade(page().status(status).build())).isInstanceOf(ObservatoryOutcome.Graded.class);
    }

    @Test
    void theReportSerialisesToObservatorysShape() {
        JsonNode json = Json.tree(Pages.grade(page()).report());

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("algorithm_version", "grade", "score", "tests_passed", "tests_failed", "tests");
        assertThat(json.get("algorithm_version").asInt()).isEqualTo(6);
        assertThat(json.get("tests").fieldNames()).toIterable().containsExactly("content-security-policy", "cookies",
                "cross-origin-embedder-policy", "cross-origin-opener-policy", "cross-origin-resource-sharing", "redirection",
                "referrer-policy", "strict-transport-security", "subresource-integrity", "x-content-type-options",
                "x-frame-options", "cross-origin-resource-policy");
        JsonNode hsts = json.get("tests").get("strict-transport-security");
        assertThat(hsts.get("result").asText()).isEqualTo("hsts-not-implemented");
        assertThat(hsts.get("pass").asBoolean()).isFalse();
        assertThat(hsts.get("score_modifier").asInt()).isEqualTo(-20);
        assertThat(hsts.get("description").asText()).isNotBlank();
        assertThat(hsts.get("recommendation").asText()).isNotBlank();
    }

    @Test
    void anHttpsToHttpDowngradeGetsItsOwnNote() {
        ObservatoryInput.Builder page = page().httpProbe(HttpProbe.redirects(
                RedirectHop.of("http://mozilla.org/", 301), RedirectHop.of("https://mozilla.org/", 302),
                RedirectHop.of("http://mozilla.org/welcome", 200)));

        ObservatoryOutcome.Graded graded = Pages.grade(page);

        assertThat(graded.report().test("redirection").result()).isEqualTo("redirection-not-to-https");
        List<String> codes = new ArrayList<>();
        graded.notes().forEach(note -> codes.add(note.code()));
        assertThat(codes).contains(ObservatoryNote.HTTPS_DOWNGRADE);
        assertThat(graded.notes().stream().filter(n -> n.code().equals(ObservatoryNote.HTTPS_DOWNGRADE)).findFirst().orElseThrow().message())
                .contains("https://mozilla.org/ → http://mozilla.org/welcome");
    }

    @Test
    void resultsLookUpTheirTest() {
        assertThat(ObservatoryGrader.checkFor("html-not-parseable")).map(ObservatoryCheck::name).contains("subresource-integrity");
        assertThat(ObservatoryGrader.checkFor("coop-header-invalid")).map(ObservatoryCheck::name).contains("cross-origin-opener-policy");
        assertThat(ObservatoryGrader.checkFor("no-such-result")).isEmpty();
    }
}
