package dev.veritas.checks.phishing;

import static dev.veritas.checks.phishing.ImpersonationTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LurePageTest {
    private static final String POLL = "<form action='step2.html'><p>Your name?</p><input type='text' name='n'>"
            + "<label><input type='checkbox' name='c' value='red'> Red</label><input type='submit' value='Vote'></form>";

    @Test
    void aPrizeOrVotePageThatIsOnlyAFormToTheNextStepIsALure() {
        assertThat(LurePage.of(page("https://cedar-panel-7781.example/", "<title>PrizeDraw #4410</title>" + POLL)))
                .hasValueSatisfying(l -> {
                    assertThat(l.shownIn()).isEqualTo("title");
                    assertThat(l.nextStep().getPath()).isEqualTo("/step2.html");
                });
    }

    @Test
    void theSameFormOnAPageWithAnyLinkOutIsNoLure() {
        assertThat(LurePage.of(page("https://cedar-panel-7781.example/", "<title>Vote for the town's best bakery</title>" + POLL
                + "<footer><a href='/privacy'>Privacy</a></footer>"))).isEmpty();
    }

    @Test
    void aBareFormPromisingNothingIsNoLure() {
        assertThat(LurePage.of(page("https://cedar-panel-7781.example/", "<title>Feedback</title>" + POLL))).isEmpty();
    }

    @Test
    void aSearchBoxIsNotAQuestion() {
        assertThat(LurePage.of(page("https://cedar-panel-7781.example/", "<title>Prize winners</title>"
                + "<form action='/search'><input type='search' name='q'></form>"))).isEmpty();
    }
}
