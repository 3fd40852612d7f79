package dev.veritas.checks.phishing;


import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each named signal fires on an address built to show it, and stays quiet on a look-alike honest one. */
class UrlSignalsTest {

    @ParameterizedTest(name = "{0} has {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://203.0.113.9/account/update                      | ip_host
            http://3232235777/login                                | ip_host
            http://[2001:db8::7]:8080/verify                       | ip_host
            http://www.bank.example@203.0.113.9/login              | userinfo_at
            https://example.org/redirect/@evil.example/login       | at_after_host
            javascript:alert(document.cookie)                      | script_or_data_scheme
            data:text/html;base64,PHNjcmlwdD4=                     | script_or_data_scheme
            https://xn--80ak6aa92e.com/                            | punycode
            https://paypal.secure-session.example.net/             | brand_in_subdomain
            https://netflix-billing-help.com/                      | brand_in_domain
            https://harmless-garden.example/images/wellsfargo/x    | brand_in_path
            https://paypa1.com/signin                              | brand_lookalike
            https://g00gle-mail.com/                               | brand_lookalike
            https://micosoft.com/                                  | brand_lookalike
            http://reward-claim.tk/                                | suspicious_tld
            https://bit.ly/4AbCdEf                                 | link_shortener
            https://someone.app.link/xyz                           | link_shortener
            https://bank-login-7.web.app/                          | free_subdomain_hosting
            https://update-account.azurewebsites.net/              | free_subdomain_hosting
            http://https-secure-portal.example.com/                | https_in_host
            http://example.com/go//other.example.net/              | double_slash_in_path
            http://example.com:8443/                               | non_standard_port
            http://secure.example.com-account.example.info/        | domain_in_subdomain
            http://hacked.example.org/www.bank.com/login           | domain_in_path
            http://example.org/account/verify/password             | sensitive_words
            http://example.org/x/index.php                         | php_script
            http://example.org/downloads/invoice.exe               | executable_download
            http://example.org/doc/9f2c4e7a1b3d5f6a8c0e2d4b6a8c0e1f/ | random_code_in_path
            http://example.org/wp-content/themes/x/login.html      | cms_folder
            http://example.org/verify?email=jane.doe@example.net   | email_in_address
            https://docs.google.com/forms/d/e/abc123/viewform      | user_content_on_brand_domain
            https://drive.google.com/file/d/abc123/view            | user_content_on_brand_domain
            https://www.paypal.com/myaccount/summary               | official_brand_domain
            https://login.live.com/                                | official_brand_domain
            https://www.amazon.co.uk/gp/cart/view.html             | official_brand_domain
            https://www.example.com/                               | www_prefix
            http://example.com/page                                | plain_http
            https://example.com/                                   | home_page_only
            https://www.paypal.com/signin?returnUri=%2Fmyaccount    | hsts_preloaded_domain
            https://accounts.google.com/signin/v2/identifier       | hsts_preloaded_domain
            https://www.amazon.com/gp/css/order-history?ref_=nav   | popular_domain
            https://login.microsoftonline.com/common/oauth2/authorize | popular_domain
            https://www.bbc.co.uk/news/world                       | popular_domain
            https://registrar.example.edu/students/login           | institutional_domain
            https://portal.example.ac.uk/                          | institutional_domain
            https://tax.example.gov.br/services                    | institutional_domain
            https://apply.district.k12.ca.us/                      | institutional_domain
            https://acme.okta.com/app/acme_portal/sso/saml         | organisation_tenant
            https://acme.us.auth0.com/u/login?state=abc            | organisation_tenant
            https://wd5.myworkday.com/acme/d/home.htmld            | organisation_tenant
            https://clever.com/in/springfield                      | organisation_tenant
            https://idp.example.org/sso?SAMLRequest=fZJbT4NA       | sign_in_protocol
            https://auth.example.com/authorize?client_id=a1&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&response_type=code | sign_in_protocol
            https://cas.example.edu/cas/login?service=https%3A%2F%2Fmail.example.edu%2F | sign_in_protocol
            https://login.example.nl/module.php/core/loginuserpass.php?AuthState=_abc | sign_in_protocol
            https://shop.example.com/login?next=%2Fcart            | return_to_own_site
            https://accounts.example.com/signin?continue=https%3A%2F%2Fmail.example.com%2F | return_to_own_site
            https://news.example.com/story?utm_source=newsletter&utm_medium=email | campaign_tags
            https://social.example.com/away.php?to=http%3A%2F%2Fcheap-prizes.example.net%2Fwin | redirect_to_other_site
            """)
    void signalFires(String url, String signal) {
        UrlFeatures f = UrlFeatureExtractor.extract(url);
        UrlFeature feature = UrlFeature.byId(signal).orElseThrow();
        assertThat(f.value(feature)).as("%s on %s", signal, url).isGreaterThan(0);
    }

    @ParameterizedTest(name = "{0} has no {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.paypal.com/signin                          | brand_in_subdomain
            https://www.paypal.com/signin                          | brand_in_domain
            https://www.paypal.com/signin                          | brand_lookalike
            https://www.icloud.com/                                | brand_in_domain
            https://www.purchase-orders.example.com/               | brand_in_domain
            https://www.purchase-orders.example.com/               | brand_in_subdomain
            https://apply.example.edu/apply-now                    | brand_lookalike
            https://www.google.com/search?q=weather                | user_content_on_brand_domain
            https://www.example.com:443/                           | non_standard_port
            http://www.example.com:80/                             | non_standard_port
            https://cdn.example.net/npm/lib@5.3.0/dist/lib.css     | email_in_address
            https://example.com/blog/2024/01/a-long-honest-title   | random_code_in_path
            https://github.io/                                     | free_subdomain_hosting
            https://www.example.co.uk/news                         | domain_in_subdomain
            https://bank-login-7.web.app/                          | hsts_preloaded_domain
            https://secure-verify-account.app/login                | hsts_preloaded_domain
            https://docs.google.com/forms/d/e/abc123/viewform      | hsts_preloaded_domain
            https://shop.example.com/login?next=https%3A%2F%2Fshop.example.com%2Fcart | domain_in_path
            https://www.example.com/                               | ip_host
            https://docs.google.com/forms/d/e/abc123/viewform      | official_brand_domain
            https://docs.google.com/forms/d/e/abc123/viewform      | popular_domain
            https://bit.ly/4AbCdEf                                 | popular_domain
            https://someone.weebly.com/login.html                  | popular_domain
            https://tenant.sharepoint.com/:b:/g/personal/x         | popular_domain
            https://bank-login-7.web.app/                          | popular_domain
            https://ipfs.io/ipfs/bafybeigdyrzt/index.html          | popular_domain
            https://amazon-account-verify.com/signin               | popular_domain
            https://education-portal.example.com/edu/login         | institutional_domain
            https://someone.github.io/gov/                         | institutional_domain
            https://login.okta.com/                                | organisation_tenant
            https://okta.com.account-verify.example/               | organisation_tenant
            https://acme.okta.com.evil.example/login               | organisation_tenant
            https://sites.google.com/view/acme-login               | organisation_tenant
            https://netflix.wd1.myworkdayjobs.com/careers          | brand_in_subdomain
            https://example.com/login?client_id=42                 | sign_in_protocol
            https://shop.example.com/login?next=https%3A%2F%2Fevil.example.net%2F | return_to_own_site
            https://shop.example.com/login?next=%2F%2Fevil.example.net%2F | return_to_own_site
            https://shop.example.com/login?next=https%3A%2F%2Fadmin%40shop.example.com.evil.example%2F | return_to_own_site
            https://news.example.com/story?fbclid=IwAR0abc         | campaign_tags
            https://idp.example.org/authorize?client_id=a&redirect_uri=https%3A%2F%2Fapp.other.example%2Fcb | redirect_to_other_site
            https://shop.example.com/login?next=https%3A%2F%2Fwww.shop.example.com%2F | redirect_to_other_site
            """)
    void signalQuiet(String url, String signal) {
        UrlFeatures f = UrlFeatureExtractor.extract(url);
        UrlFeature feature = UrlFeature.byId(signal).orElseThrow();
        assertThat(f.value(feature)).as("%s on %s", signal, url).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.example.com/                        | 0
            https://a.b.c.example.com/                      | 3
            https://www.a.example.co.uk/                    | 1
            https://someone.blogspot.com/                   | 0
            """)
    void countsSubdomainLevelsBelowTheRegistrableDomain(String url, int levels) {
        assertThat(UrlFeatureExtractor.extract(url).value(UrlFeature.SUBDOMAIN_LEVELS)).isEqualTo(levels);
    }

    @ParameterizedTest(name = "homograph of {0}")
    @CsvSource({
            "pаypal.com,PayPal",        // Cyrillic а
            "аpple.com,Apple",          // Cyrillic а, whole word otherwise Latin
            "miсrosoft.com,Microsoft",  // Cyrillic с
            "gооgle.com,Google",        // two Cyrillic о
    })
    void homographsOfBrandsAreLookalikes(String unicodeHost, String brand) {
        String ascii = IDN.toASCII(unicodeHost);
        assertThat(ascii).startsWith("xn--");
        UrlFeatures f = UrlFeatureExtractor.extract("https://" + ascii + "/login");
        assertThat(f.value(UrlFeature.PUNYCODE)).isEqualTo(1);
        assertThat(f.value(UrlFeature.MIXED_SCRIPTS)).isEqualTo(1);
        assertThat(f.value(UrlFeature.BRAND_LOOKALIKE)).isEqualTo(1);
        assertThat(f.detail(UrlFeature.BRAND_LOOKALIKE)).contains(brand);
    }

    @ParameterizedTest
    @CsvSource({"https://münchen.de/", "https://bücher.example/", "https://例え.jp/", "https://пример.рф/"})
    void honestInternationalNamesDoNotMixScripts(String url) {
        UrlFeatures f = UrlFeatureExtractor.extract(url);
        assertThat(f.value(UrlFeature.MIXED_SCRIPTS)).isZero();
        assertThat(f.value(UrlFeature.BRAND_LOOKALIKE)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://203.0.113.9/x                            | ip_host             | IP number
            https://paypal.secure-session.example.net/      | brand_in_subdomain  | 'paypal' appears in a subdomain of an unrelated domain (example.net)
            https://paypa1.com/                             | brand_lookalike     | imitates 'paypal'
            https://bit.ly/abc                              | link_shortener      | hides the real destination
            """)
    void explanationsNameWhatWasSeen(String url, String signal, String phrase) {
        UrlFeatures f = UrlFeatureExtractor.extract(url);
        UrlFeature feature = UrlFeature.byId(signal).orElseThrow();
        assertThat(feature.describe(f.value(feature), f.detail(feature))).contains(phrase);
    }
}
