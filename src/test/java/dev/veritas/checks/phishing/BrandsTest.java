package dev.veritas.checks.phishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrandsTest {

    @ParameterizedTest(name = "{1} is {0}''s: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            paypal         | www.paypal.com                 | true
            PayPal         | paypal.com                     | true
            paypal         | paypal.com.secure-login.net    | false
            paypal         | paypal-secure.com              | false
            paypal         | paypal.github.io               | false
            apple          | icloud.com                     | true
            icloud         | www.icloud.com                 | true
            apple          | apple.com-verify.info          | false
            microsoft      | login.live.com                 | true
            microsoft      | outlook.office.com             | true
            microsoft      | contoso.sharepoint.com         | false
            amazon         | www.amazon.de                  | true
            amazon         | amazon.co.uk                   | true
            amazon         | amazon.tk                      | false
            google         | mail.google.com                | true
            google         | www.google.fr                  | true
            facebook       | m.facebook.com                 | true
            instagram      | www.instagram.com              | true
            chase          | secure.chase.com               | true
            wells fargo    | connect.secure.wellsfargo.com  | true
            bankofamerica  | secure.bankofamerica.com       | true
            dhl            | www.dhl.de                     | true
            usps           | tools.usps.com                 | true
            netflix        | www.netflix.com                | true
            netflix        | netflix.com.account-help.xyz   | false
            google         | paypal.com                     | false
            nosuchbrand    | example.com                    | false
            """)
    void knowsOfficialDomains(String brand, String host, boolean official) {
        assertThat(Brands.isOfficialDomain(brand, host)).isEqualTo(official);
    }

    @Test
    void findsTheOwnerOfAHost() {
        assertThat(Brands.ownerOf("signin.ebay.com")).map(Brand::name).contains("eBay");
        assertThat(Brands.ownerOf("ebay-signin.example.com")).isEmpty();
        assertThat(Brands.named("hotmail")).map(Brand::name).contains("Microsoft");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Sign in to your PayPal account                   | PayPal
            Your Apple ID was used to sign in to iCloud      | Apple
            Bank of America Online Banking                   | Bank of America
            Track your DHL parcel                            | DHL
            """)
    void findsBrandsNamedInText(String text, String brand) {
        assertThat(Brands.namedIn(text)).extracting(Brand::name).contains(brand);
    }

    @ParameterizedTest
    @CsvSource({"Complete your purchase today", "Groups and startups welcome", "An apple pie recipe, apply now"})
    void doesNotSeeBrandsInsideOrdinaryWords(String text) {
        assertThat(Brands.namedIn(text)).extracting(Brand::name).doesNotContain("Chase", "UPS");
    }

    @Test
    void noTextNoBrands() {
        assertThat(Brands.namedIn(null)).isEmpty();
        assertThat(Brands.namedIn("")).isEmpty();
        assertThat(Brands.isOfficialDomain(null, null)).isFalse();
    }
}
