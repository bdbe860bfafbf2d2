package org.pipelinecrm.lead;

/** Kinds of lead: unqualified, marketing-, sales-, product- and conversion-qualified. */
public enum LeadType {
    UNQUALIFIED,
    MQL,
    SQL,
    PQL,
    CQL;

    /** Whether marketing may hand a lead of this type to sales. */
    public boolean goesToSales() {
        return this == MQL || this == SQL;
    }
}
