package dev.veritas.audit;

/** Whether the narrative speaks to an expert or to anyone. */
public enum VerdictMode implements WireEnum {
    EXPERT, SIMPLE;

    public static VerdictMode parse(String value) {
        return WireEnum.parse(VerdictMode.class, "verdict_mode", value);
    }
}
