package dev.veritas.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.checks.observatory.ObservatoryOutcome;
import dev.veritas.checks.observatory.TestResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One site's grade in the shape the Observatory comparison exchanges: {@code {"id", "grade", "score", "tests":
 * {name: {"result", "score_modifier", "pass"}}}}, or {@code {"id", "error"}} for a site that was not graded
 * (a status the Observatory refuses, or a capture that could not be read).
 */
public record ObservatoryGrade(String id, Optional<String> error, String grade, int score, Map<String, Test> tests) {

    public record Test(String result, int scoreModifier, boolean pass) {}

    public ObservatoryGrade {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(error, "error");
        tests = Map.copyOf(tests);
    }

    public static ObservatoryGrade notGraded(String id, String reason) {
        return new ObservatoryGrade(id, Optional.of(reason), "", 0, Map.of());
    }

    public static ObservatoryGrade of(String id, ObservatoryOutcome outcome) {
        if (outcome instanceof ObservatoryOutcome.NotGraded ng) {
            return notGraded(id, ng.reason());
        }
        ObservatoryOutcome.Graded g = (ObservatoryOutcome.Graded) outcome;
        Map<String, Test> tests = new LinkedHashMap<>();
        for (Map.Entry<String, TestResult> e : g.report().tests().entrySet()) {
            tests.put(e.getKey(), new Test(e.getValue().result(), e.getValue().scoreModifier(), e.getValue().pass()));
        }
        return new ObservatoryGrade(id, Optional.empty(), g.report().grade(), g.report().score(), tests);
    }

    public boolean graded() {
        return error.isEmpty();
    }

    public static ObservatoryGrade fromJson(JsonNode node) {
        String id = node.path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a grade line needs an \"id\"");
        }
        if (node.hasNonNull("error")) {
            return notGraded(id, node.path("error").asText());
        }
        Map<String, Test> tests = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("tests").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> t = fields.next();
            tests.put(t.getKey(), new Test(t.getValue().path("result").asText(""), t.getValue().path("score_modifier").asInt(),
                    t.getValue().path("pass").asBoolean()));
        }
        return new ObservatoryGrade(id, Optional.empty(), node.path("grade").asText(""), node.path("score").asInt(), tests);
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id);
        if (error.isPresent()) {
            o.put("error", error.get());
            return o;
        }
        o.put("grade", grade).put("score", score);
        ObjectNode t = o.putObject("tests");
        tests.forEach((name, test) -> t.putObject(name).put("result", test.result())
                .put("score_modifier", test.scoreModifier()).put("pass", test.pass()));
        return o;
    }

    /** How this grade differs from the expected one; empty when they agree. */
    public List<String> differencesFrom(ObservatoryGrade expected) {
        List<String> out = new ArrayList<>();
        if (graded() != expected.graded()) {
            out.add(graded() ? "graded " + grade + " " + score + ", expected not graded (" + expected.error().get() + ")"
                    : "not graded (" + error.get() + "), expected " + expected.grade() + " " + expected.score());
            return out;
        }
        if (!graded()) {
            return out;
        }
        if (!grade.equals(expected.grade()) || score != expected.score()) {
            out.add("grade " + grade + " " + score + ", expected " + expected.grade() + " " + expected.score());
        }
        for (Map.Entry<String, Test> e : expected.tests().entrySet()) {
            Test mine = tests.get(e.getKey());
            Test theirs = e.getValue();
            if (mine == null) {
                out.add(e.getKey() + ": missing, expected " + theirs.result());
            } else if (!mine.result().equals(theirs.result()) || mine.scoreModifier() != theirs.scoreModifier()) {
                out.add(e.getKey() + ": " + mine.result() + " (" + mine.scoreModifier() + "), expected " + theirs.result()
                        + " (" + theirs.scoreModifier() + ")");
            }
        }
        return out;
    }

    /** The number of tests (result and modifier) this grade shares with the expected one. */
    public int testsAgreeingWith(ObservatoryGrade expected) {
        int same = 0;
        for (Map.Entry<String, Test> e : expected.tests().entrySet()) {
            Test mine = tests.get(e.getKey());
            if (mine != null && mine.result().equals(e.getValue().result()) && mine.scoreModifier() == e.getValue().scoreModifier()) {
                same++;
            }
        }
        return same;
    }
}
