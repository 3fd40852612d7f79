package dev.veritas.checks.observatory;

/**
 * An input on which the Observatory's own analyzer stops with an error instead of grading (it parses each
 * absolute script address with the WHATWG URL parser, which throws on an invalid one). Veritas reproduces the
 * refusal rather than inventing a grade the Observatory would not give.
 */
final class AnalyzerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AnalyzerFailure(String message) {
        super(message, null, false, false);
    }
}
