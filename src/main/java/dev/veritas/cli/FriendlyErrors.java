package dev.veritas.cli;

import dev.veritas.config.Env;
import dev.veritas.store.AuditNotFoundException;
import dev.veritas.store.IllegalTransitionException;
import dev.veritas.store.StoreUnavailableException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns exceptions into one readable line and an exit code; a stack trace only with VERITAS_DEBUG=1. */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int code;
        if (e instanceof IllegalArgumentException || e instanceof AuditNotFoundException || e instanceof IllegalTransitionException) {
            code = BAD_INPUT;
        } else if (e instanceof StoreUnavailableException || e instanceof UncheckedIOException) {
            code = FAILED;
        } else {
            code = FAILED;
            message = message + " (set VERITAS_DEBUG=1 to see where it happened)";
        }
        cmd.getErr().println("veritas: " + message);
        if (Env.flag("VERITAS_DEBUG")) {
            e.printStackTrace(cmd.getErr());
        }
        return code;
    }
}
