package dev.veritas.store;

import dev.veritas.audit.WireEnum;

public enum HistorySort implements WireEnum {
    NEWEST, OLDEST, SCORE_DESC, SCORE_ASC;

    public static HistorySort parse(String value) {
        return WireEnum.parse(HistorySort.class, "sort", value);
    }
}
