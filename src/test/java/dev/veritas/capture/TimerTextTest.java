package dev.veritas.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimerTextTest {

    @ParameterizedTest(name = "\"{0}\" → {1} s")
    @CsvSource(delimiter = '|', value = {
            "09:59                   | 599",
            "0:05                    | 5",
            "1:02:03                 | 3723",
            "23:59:59                | 86399",
            "Offer ends in 14:59     | 899",
            "Ends in 00:00:05!       | 5",
            "9 : 05                  | 545",
            "12:75 then 3 minutes    | 180"})
    void clockForms(String text, long seconds) {
        assertThat(TimerText.seconds(text)).contains(seconds);
    }

    @ParameterizedTest(name = "\"{0}\" → {1} s")
    @CsvSource(delimiter = '|', value = {
            "2h 15m                          | 8100",
            "3 days 4 hours                  | 273600",
            "1 day                           | 86400",
            "2d 3h 4m 5s                     | 183845",
            "10 minutes                      | 600",
            "10 mins                         | 600",
            "45 secs                         | 45",
            "45 seconds                      | 45",
            "5 HRS 3 MIN                     | 18180",
            "Sale ends in 2 days 04 hrs 12 mins 09 secs | 187929"})
    void units(String text, long seconds) {
        assertThat(TimerText.seconds(text)).contains(seconds);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "hello", "Only 3 left", "12 months warranty", "12:75", "1:2", "version 1.2.3", "::", "123456"})
    void garbageHasNoTime(String text) {
        assertThat(TimerText.seconds(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"99999999999999999999 seconds", "999999999999999 days", "9223372036854775807 s 5 s",
            "99999999999999999999 m 5 s"})
    void hostileNumbersAreNoTimeRatherThanAnError(String text) {
        assertThat(TimerText.seconds(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "Only 3 left            | 3",
            "1,234 people viewing   | 1234",
            "12 people, 3 bought    | 12",
            "Just 1 item left       | 1"})
    void countReadsTheFirstNumber(String text, long n) {
        assertThat(TimerText.count(text)).contains(n);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "no number here", "99999999999999999999 left"})
    void countWithoutAUsableNumberIsEmpty(String text) {
        assertThat(TimerText.count(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" steps by {1} s")
    @CsvSource(delimiter = '|', value = {
            "09:59              | 1",
            "1:02:03            | 1",
            "5 min 30 s         | 1",
            "2h 15m             | 60",
            "45 minutes         | 60",
            "3 days 4 hours     | 3600",
            "2 days             | 86400",
            "hello              | 1"})
    void resolutionIsTheSmallestUnitShown(String text, long step) {
        assertThat(TimerText.resolutionSeconds(text)).isEqualTo(step);
    }
}
