package dev.veritas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How a setting reads from the environment: blank is unset, values are trimmed, flags take the usual words. */
class EnvTest {
    @Test
    void blankIsUnsetAndValuesAreTrimmed() {
        Env env = new Env(Map.of("VERITAS_DATA", "  /srv/veritas \n", "VERITAS_TOKEN", "   "));
        assertThat(env.value("VERITAS_DATA")).contains("/srv/veritas");
        assertThat(env.value("VERITAS_TOKEN")).isEmpty();
        assertThat(env.value("VERITAS_MISSING")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, true", "true, true", "TRUE, true", "yes, true", "On, true", "0, false", "false, false", "no, false",
        "maybe, false", "'', false"})
    void flagsTakeTheUsualWords(String value, boolean expected) {
        assertThat(new Env(Map.of("VERITAS_ALLOW_PRIVATE", value)).isSet("VERITAS_ALLOW_PRIVATE")).isEqualTo(expected);
    }

    @Test
    void anUnsetFlagIsOff() {
        assertThat(new Env(Map.of()).isSet("CI")).isFalse();
    }
}
