package dev.veritas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
/**
 * Domain records refuse a bad value when they are made, with a message that names the field. Every case below
 * changes one value of a record that is otherwise valid (see {@link #theBaseValuesAreValid}).
 */
class DomainValidationTest {
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    private static Finding finding(String checkId, Severity severity, double confidence, String title, OptionalInt shot) {
        return new Finding(checkId, "scarcity", "low_stock_message", severity, confidence, title, "description", "plain words",
                Optional.empty(), Evidence.none(), shot);
    }

    private static Finding finding() {
        return finding("dp.text.low_stock", Severity.HIGH, 0.9, "Low-stock message", OptionalInt.empty());
    }

    private static AuditResult result(int score, RiskLevel risk, double siteTypeConfidence) {
        return new AuditResult(score, risk, Map.of("security", new Signal(0.8, 0.9, 0.25)), List.of(), "narrative", List.of(),
                "ecommerce", siteTypeConfidence, JsonNodeFactory.instance.objectNode(), 1, 0, 10, List.of(), List.of(finding()));
    }

    private static Screenshot screenshot(int index, String sha256) {
        return new Screenshot(index, "Home", Optional.empty(), "vrts_0123456789abcdef/0000-home.png", "image/png", 800, 600, 10,
                sha256, NOW);
    }

    private static Audit audit(int attempts) {
        return new Audit(AuditId.random(), "https://example.com/", "example.com", AuditStatus.QUEUED, Tier.QUICK_SCAN,
                VerdictMode.EXPERT, attempts, NOW, Optional.empty(), Optional.empty(), NOW, 1, Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void theBaseValuesAreValid() {
        assertThat(finding().confidence()).isEqualTo(0.9);
        assertThat(finding("x", Severity.LOW, 0.0, "t", OptionalInt.of(0)).confidence()).isZero();
        assertThat(finding("x", Severity.LOW, 1.0, "t", OptionalInt.empty()).confidence()).isEqualTo(1.0);
        assertThat(result(0, RiskLevel.LIKELY_FRAUDULENT, 0.5).trustScore()).isZero();
        assertThat(result(100, RiskLevel.TRUSTED, 1.0).trustScore()).isEqualTo(100);
        assertThat(screenshot(0, "a".repeat(64)).index()).isZero();
        assertThat(audit(0).attempts()).isZero();
        assertThat(new Signal(0, 1, 0.5).weight()).isEqualTo(0.5);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("finding: confidence above 1", () -> finding("x", Severity.LOW, 1.01, "t", OptionalInt.empty()), "confidence must be between 0 and 1"),
                bad("finding: confidence below 0", () -> finding("x", Severity.LOW, -0.01, "t", OptionalInt.empty()), "confidence must be between 0 and 1"),
                bad("finding: confidence NaN", () -> finding("x", Severity.LOW, Double.NaN, "t", OptionalInt.empty()), "confidence must be between 0 and 1"),
                bad("finding: no severity", () -> finding("x", null, 0.5, "t", OptionalInt.empty()), "severity is required"),
                bad("severity: unknown word", () -> Severity.parse("urgent"), "severity must be one of low, medium, high, critical"),
                bad("severity: blank", () -> Severity.parse(" "), "severity is required"),
                bad("finding: blank title", () -> finding("x", Severity.LOW, 0.5, "  ", OptionalInt.empty()), "title must not be blank"),
                bad("finding: no title", () -> finding("x", Severity.LOW, 0.5, null, OptionalInt.empty()), "title is required"),
                bad("finding: title too long", () -> finding("x", Severity.LOW, 0.5, "t".repeat(301), OptionalInt.empty()), "title must be at most 300"),
                bad("finding: blank check id", () -> finding("", Severity.LOW, 0.5, "t", OptionalInt.empty()), "check_id must not be blank"),
                bad("finding: check id too long", () -> finding("c".repeat(101), Severity.LOW, 0.5, "t", OptionalInt.empty()), "check_id must be at most 100"),
                bad("finding: negative screenshot", () -> finding("x", Severity.LOW, 0.5, "t", OptionalInt.of(-1)), "screenshot_index must not be negative"),
                bad("result: trust score above 100", () -> result(101, RiskLevel.TRUSTED, 0.5), "trust_score must be between 0 and 100"),
                bad("result: trust score below 0", () -> result(-1, RiskLevel.LIKELY_FRAUDULENT, 0.5), "trust_score must be between 0 and 100"),
                bad("result: risk level not the score's", () -> result(10, RiskLevel.TRUSTED, 0.5), "risk_level trusted does not match trust_score 10"),
                bad("result: site type confidence above 1", () -> result(50, RiskLevel.SUSPICIOUS, 1.5), "site_type_confidence must be between 0 and 1"),
                bad("risk level of a score above 100", () -> RiskLevel.forScore(101), "trust_score must be between 0 and 100"),
                bad("signal: score above 1", () -> new Signal(1.2, 0.5, 0.5), "signal.score must be between 0 and 1"),
                bad("signal: negative weight", () -> new Signal(0.5, 0.5, -0.1), "signal.weight must be between 0 and 1"),
                bad("signal: confidence NaN", () -> new Signal(0.5, Double.NaN, 0.5), "signal.confidence must be between 0 and 1"),
                bad("recommendation: blank text", () -> new Recommendation(Severity.LOW, " ", List.of()), "recommendation text must not be blank"),
                bad("recommendation: no priority", () -> new Recommendation(null, "do this", List.of()), "priority is required"),
                bad("screenshot: negative index", () -> screenshot(-1, "a".repeat(64)), "index must be between 0 and 10000"),
                bad("screenshot: digest too long", () -> screenshot(0, "a".repeat(65)), "sha256 must be at most 64"),
                bad("event: blank type", () -> new AuditEvent(1, AuditId.random(), " ", JsonNodeFactory.instance.objectNode(), NOW), "type must not be blank"),
                bad("audit id: wrong shape", () -> new AuditId("vrts_../../etc"), "audit id must look like vrts_"),
                bad("audit: negative attempts", () -> audit(-1), "attempts must not be negative"),
                bad("evidence: no text option", () -> new Evidence(null, Optional.empty(), Map.of()), "evidence.text is required"),
                bad("list with a null finding", () -> new AuditResult(50, RiskLevel.SUSPICIOUS, Map.of(), List.of(), "n", List.of(), "shop", 0.5,
                        JsonNodeFactory.instance.objectNode(), 1, 0, 1, List.of(), Arrays.asList(finding(), null)), "findings must not contain null"));
    }

    private static Arguments bad(String name, ThrowingCallable make, String message) {
        return Arguments.of(name, make, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidValueIsRefusedWithTheFieldsName(String name, ThrowingCallable make, String message) {
        assertThatThrownBy(make).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
