package org.pipelinecrm.lead;

import java.time.Instant;

/** Who last changed a lead, and when. */
public record LastChange(long by, Instant at) {}
