package dev.veritas.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.cli.Main;
import dev.veritas.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** The veritas command run in this process, as a person runs it: its exit code and what it printed. */
public record CliRun(int code, String out, String err) {
    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /** Standard output read as JSON, for commands run with {@code --json}. */
    public JsonNode json() {
        return Json.parse(out);
    }
}
