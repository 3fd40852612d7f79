package dev.veritas.audit;

/** A request to audit a URL. */
public record NewAudit(TargetUrl url, Tier tier, VerdictMode verdictMode) {
    public NewAudit {
        Require.present("url", url);
        Require.present("tier", tier);
        Require.present("verdict_mode", verdictMode);
    }

    public static NewAudit of(String url, Tier tier) {
        return new NewAudit(TargetUrl.parse(url), tier, VerdictMode.EXPERT);
    }
}
