package dev.veritas.checks.phishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteNamesTest {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            The Daily Courier        | www.dailycourier.example       | true
            The Daily Courier        | dc.example                     | true
            The Daily Courier        | thedailycourier.example        | true
            Northwind Traders        | northwind.example              | true
            Northwind Traders        | getnorthwind.example           | true
            Northwind Traders        | northwindapp.example           | true
            Archive of Kites         | archiveofkites.example         | true
            KiteWorks                | kw.example                     | true
            Kite News                | news.example.org               | false
            Northwind                | northwind-account-login.example | false
            Northwind                | secure-portal-4821.example     | false
            Harbour Mail             | mail.harbour.example           | true
            Harbour                  | harbour-verify.web.app         | false
            Lumen                    | lumen.github.io                | true
            Lumen                    | lumen-login.github.io          | false
            """)
    void aHostIsNamedAfterANameWhenItsLabelSpellsIt(String name, String host, boolean carried) {
        assertThat(SiteNames.carries(host, name)).isEqualTo(carried);
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Northwind                | northwind-account-login.example | true
            Northwind                | northwind.com-verify.example    | true
            Northwind Traders        | northwindtraders-eu.example     | true
            Northwind                | quiet-harbor-2291.example       | false
            """)
    void aHostResemblesANameItContainsWithoutCarryingIt(String name, String host, boolean resembles) {
        assertThat(SiteNames.resembles(host, name)).isEqualTo(resembles);
    }
}
