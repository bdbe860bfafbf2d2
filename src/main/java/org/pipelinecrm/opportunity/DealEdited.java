package org.pipelinecrm.opportunity;

import java.time.Instant;

/** A person edited a deal's fields; {@code before} is how the deal was. */
record DealEdited(Opportunity deal, OpportunityView before, long by, Instant at) {}
