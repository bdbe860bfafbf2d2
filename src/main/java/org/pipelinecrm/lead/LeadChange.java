package org.pipelinecrm.lead;

import java.time.Instant;

/**
 * What happened to a lead, registered by its guarded methods and published when it is saved. Each carries the
 * workspace, the lead, who did it (null: the system or a visitor) and when. {@link LeadTimeline} writes them down.
 */
public sealed interface LeadChange {

    long tenantId();

    long leadId();

    Long actorId();

    Instant at();

    record Created(long tenantId, long leadId, Long actorId, Instant at, LeadType type, String source, boolean imported)
            implements LeadChange {}

    record Edited(long tenantId, long leadId, Long actorId, Instant at) implements LeadChange {}

    /** Worked, nurtured, or following its scorecard: a move that is not a handoff, a decision or a conversion. */
    record StatusChanged(long tenantId, long leadId, Long actorId, Instant at, LeadStatus from, LeadStatus to)
            implements LeadChange {}

    record HandedOff(long tenantId, long leadId, Long actorId, Instant at, Long teamId, Long ownerId, String note)
            implements LeadChange {}

    record Accepted(long tenantId, long leadId, Long actorId, Instant at) implements LeadChange {}

    record Rejected(long tenantId, long leadId, Long actorId, Instant at, String reason, String note)
            implements LeadChange {}

    record Disqualified(long tenantId, long leadId, Long actorId, Instant at, String reason, String note)
            implements LeadChange {}

    record Reopened(long tenantId, long leadId, Long actorId, Instant at) implements LeadChange {}

    record Converted(
            long tenantId, long leadId, Long actorId, Instant at, long accountId, long contactId, long opportunityId)
            implements LeadChange {}

    /** The score crossed the MQL threshold and the lead became an MQL. */
    record Promoted(long tenantId, long leadId, Long actorId, Instant at, int score, int threshold)
            implements LeadChange {}

    /** The score crossed the sales-ready threshold. */
    record BecameSalesReady(long tenantId, long leadId, Long actorId, Instant at, int score, int threshold)
            implements LeadChange {}

    /** A behaviour event (e-mail opened, form submitted, …) with what came with it. */
    record Behaved(long tenantId, long leadId, Long actorId, Instant at, String type, String detail)
            implements LeadChange {}

    /** Another lead was merged into this one and is gone; {@code gone} names it. */
    record Merged(long tenantId, long leadId, Long actorId, Instant at, long goneId, String gone)
            implements LeadChange {}

    /** A note another module keeps on the lead (a scorecard's changes), in its own kind and wording. */
    record Noted(long tenantId, long leadId, Long actorId, Instant at, String kind, String detail)
            implements LeadChange {}
}
