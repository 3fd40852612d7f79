package dev.veritas.checks.darkpatterns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Only&nbsp;2&nbsp;left!                 | only 2 left!",
            "Only &amp;nbsp;2 left                  | only 2 left",
            "Don&#8217;t miss &#x27;out&#39;        | don't miss 'out'",
            "<b>Only 2</b> <span>left</span>        | only 2 left",
            "ＯＮＬＹ ２ ＬＥＦＴ                     | only 2 left",
            "On\u200Bly 2\u00A0left                 | only 2 left",
            "I don’t want 15%–off                   | i don't want 15%-off",
            "I´d rather pay full price              | i'd rather pay full price",
            "VALENTINE\\u2019S DAY\\nLIMITED TIME   | valentine's day limited time",
            "Only 5 item(s) left                    | only 5 items left",
            "WEVE ADDED IT, DONT MISS OUT           | we've added it, don't miss out",
            "Im sure youll love it                  | i'm sure you'll love it",
            "We were well ill                       | we were well ill",
    })
    void foldsTheWaysPagesWriteTheSameWords(String raw, String expected) {
        assertThat(TextNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void collapsesAllWhitespace() {
        assertThat(TextNormalizer.normalize("   Lots    of\t\tspace \r\n here  ")).isEqualTo("lots of space here");
    }

    @Test
    void emptyAndNullBecomeEmpty() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.normalize("")).isEmpty();
        assertThat(TextNormalizer.normalize(" \t\n ")).isEmpty();
    }

    @Test
    void unknownEntitiesAndLoneAmpersandsSurvive() {
        assertThat(TextNormalizer.normalize("Salt & Pepper &bogus; &#0;")).isEqualTo("salt & pepper &bogus;");
    }
}
