package dev.veritas.checks.phishing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Business platforms that give each customer organisation its own sub-domain or path: single sign-on and identity
 * providers ("acme.okta.com"), learning platforms ("school.instructure.com"), HR and recruiting systems, help desks,
 * team workspaces and e-mail click tracking. A tenant there is set up by an organisation under a contract, and its
 * pages are the platform's own sign-in and application screens, not pages a stranger writes; so an address on one is
 * an organisation's deep link, however long and token-laden it is.
 *
 * <p>Platforms where anyone publishes pages or files of their own (site builders, file sharing, forms, customer
 * community sites) are deliberately absent: there the platform's name vouches for nothing ({@link UserContent}).
 */
final class TenantPlatform {
    private TenantPlatform() {}

    /** Platform domain → what it is, for the explanation. */
    private static final Map<String, String> PLATFORMS = Map.ofEntries(
            // Identity and single sign-on providers.
            Map.entry("okta.com", "the Okta sign-in service"),
            Map.entry("oktapreview.com", "the Okta sign-in service"),
            Map.entry("okta-emea.com", "the Okta sign-in service"),
            Map.entry("okta-gov.com", "the Okta sign-in service"),
            Map.entry("auth0.com", "the Auth0 sign-in service"),
            Map.entry("onelogin.com", "the OneLogin sign-in service"),
            Map.entry("pingone.com", "the PingOne sign-in service"),
            Map.entry("pingone.eu", "the PingOne sign-in service"),
            Map.entry("duosecurity.com", "the Duo two-factor service"),
            Map.entry("b2clogin.com", "Microsoft's customer sign-in service"),
            Map.entry("ciamlogin.com", "Microsoft's customer sign-in service"),
            Map.entry("amazoncognito.com", "Amazon's sign-in service"),
            Map.entry("jumpcloud.com", "the JumpCloud sign-in service"),
            Map.entry("cyberark.cloud", "the CyberArk sign-in service"),
            Map.entry("idaptive.app", "the CyberArk sign-in service"),
            Map.entry("fusionauth.io", "the FusionAuth sign-in service"),
            Map.entry("frontegg.com", "the Frontegg sign-in service"),
            Map.entry("kinde.com", "the Kinde sign-in service"),
            // Human resources, payroll and recruiting.
            Map.entry("myworkday.com", "the Workday HR system"),
            Map.entry("myworkdayjobs.com", "Workday's job listings"),
            Map.entry("successfactors.com", "the SAP SuccessFactors HR system"),
            Map.entry("successfactors.eu", "the SAP SuccessFactors HR system"),
            Map.entry("sapsf.com", "the SAP SuccessFactors HR system"),
            Map.entry("bamboohr.com", "the BambooHR system"),
            Map.entry("ultipro.com", "the UKG HR system"),
            Map.entry("icims.com", "the iCIMS recruiting system"),
            Map.entry("taleo.net", "the Oracle Taleo recruiting system"),
            Map.entry("greenhouse.io", "the Greenhouse recruiting system"),
            Map.entry("lever.co", "the Lever recruiting system"),
            Map.entry("smartrecruiters.com", "the SmartRecruiters recruiting system"),
            Map.entry("paylocity.com", "the Paylocity payroll system"),
            Map.entry("personio.de", "the Personio HR system"),
            Map.entry("personio.com", "the Personio HR system"),
            // Learning platforms and school systems.
            Map.entry("instructure.com", "the Canvas learning platform"),
            Map.entry("blackboard.com", "the Blackboard learning platform"),
            Map.entry("brightspace.com", "the Brightspace learning platform"),
            Map.entry("desire2learn.com", "the Brightspace learning platform"),
            Map.entry("moodlecloud.com", "the MoodleCloud learning platform"),
            Map.entry("schoology.com", "the Schoology learning platform"),
            Map.entry("powerschool.com", "the PowerSchool student system"),
            Map.entry("infinitecampus.org", "the Infinite Campus student system"),
            Map.entry("clever.com", "the Clever school sign-in service"),
            Map.entry("classlink.com", "the ClassLink school sign-in service"),
            Map.entry("edupage.org", "the EduPage school system"),
            Map.entry("ellucian.com", "the Ellucian student system"),
            Map.entry("elluciancloud.com", "the Ellucian student system"),
            Map.entry("panopto.com", "the Panopto lecture platform"),
            // Work tools with one workspace per organisation.
            Map.entry("atlassian.net", "an Atlassian workspace"),
            Map.entry("slack.com", "a Slack workspace"),
            Map.entry("zendesk.com", "a Zendesk help desk"),
            Map.entry("freshdesk.com", "a Freshdesk help desk"),
            Map.entry("service-now.com", "a ServiceNow service desk"),
            Map.entry("servicenowservices.com", "a ServiceNow service desk"),
            Map.entry("my.salesforce.com", "a Salesforce organisation"),
            Map.entry("lightning.force.com", "a Salesforce organisation"),
            Map.entry("zoom.us", "a Zoom account"),
            Map.entry("webex.com", "a Webex site"),
            Map.entry("zendesk.eu", "a Zendesk help desk"),
            Map.entry("sapbydesign.com", "an SAP business system"),
            Map.entry("netsuite.com", "a NetSuite account"),
            Map.entry("tableau.com", "a Tableau site"),
            Map.entry("looker.com", "a Looker instance"),
            Map.entry("hubspotlinks.com", "HubSpot's e-mail click tracking"),
            Map.entry("list-manage.com", "Mailchimp's e-mail click tracking"));

    /** Labels in front of a platform domain that are the platform's own, not a customer's. */
    private static final Set<String> PLATFORM_LABELS = Set.of("www", "login", "app", "signin", "auth",
            "accounts", "account", "id", "sso", "api", "status", "support", "help", "docs", "developer", "community");

    /**
     * What the platform is when the host is a customer's tenant on one ("acme.okta.com", "wd5.myworkday.com"), or
     * when its path names the tenant on a platform that puts tenants there ("clever.com/in/district").
     */
    static Optional<String> of(String host, String path) {
        String h = host.toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < h.length()) {
            String what = PLATFORMS.get(h.substring(start));
            if (what != null) {
                // Any label in front of the platform's domain that is not one of the platform's own ("www", "login")
                // names a customer or its region: "acme.okta.com", "mapbox.us.auth0.com", "wd5.myworkday.com".
                boolean tenantInHost = false;
                for (String label : h.substring(0, start).split("\\.")) {
                    tenantInHost |= !label.isEmpty() && !PLATFORM_LABELS.contains(label);
                }
                return tenantInHost || pathSegments(path) >= 2 ? Optional.of(what) : Optional.empty();
            }
            int dot = h.indexOf('.', start);
            if (dot < 0) {
                return Optional.empty();
            }
            start = dot + 1;
        }
        return Optional.empty();
    }

    private static int pathSegments(String path) {
        int n = 0;
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                n++;
            }
        }
        return n;
    }
}
