package org.pipelinecrm.lead;

/** Kinds of lead: unqualified, marketing-, sales-, product- and conversion-qualified. */
public enum LeadType { UNQUALIFIED, MQL, SQL, PQL, CQL }
