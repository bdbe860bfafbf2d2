package org.pipelinecrm.customfield;

/** What a custom field holds; the type decides how a value is checked, stored and filtered. */
public enum FieldType {
    TEXT,
    LONG_TEXT,
    NUMBER,
    MONEY,
    DATE,
    BOOLEAN,
    SELECT,
    MULTI_SELECT,
    USER,
    URL;

    /** Filters by a range ({@code cf.KEY.gte}, {@code cf.KEY.lte}) apply to these. */
    public boolean ranged() {
        return this == NUMBER || this == MONEY || this == DATE;
    }

    public boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }
}
