package org.pipelinecrm.lead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Bulk actions of the lead list: each lead changes in its own transaction by the same rules as one at a time,
 * done by {@code by}, so a lead that cannot take the action (an illegal transition, out of sight) is skipped and reported.
 */
@Service
public class LeadBulkActions {

    static final int MAX_LEADS = 500;

    private final Leads leads;
    private final Assignees assignees;

    LeadBulkActions(Leads leads, Assignees assignees) {
        this.leads = leads;
        this.assignees = assignees;
    }

    /** {@link UnknownAssigneeException} before any lead changes when the owner is not of this workspace. */
    public BulkOutcome assignOwner(Collection<Long> ids, long ownerId, Actor by) {
        assignees.checkNewOwner(ownerId, null);
        return each(
                ids,
                id -> leads.change(
                        id,
                        new LeadDetails(
                                null, null, null, null, null, null, null, null, null, null, null, null, ownerId, null,
                                null),
                        null,
                        by));
    }

    public BulkOutcome handOff(Collection<Long> ids, Long teamId, String note, Actor by) {
        assignees.check(null, teamId);
        return each(ids, id -> leads.handOff(id, teamId, null, note, null, by));
    }

    public BulkOutcome disqualify(Collection<Long> ids, String reason, String note, Actor by) {
        return each(ids, id -> leads.disqualify(id, reason, note, null, by));
    }

    private static BulkOutcome each(Collection<Long> ids, LongConsumer action) {
        if (ids.size() > MAX_LEADS) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "ids", "problem.field.too-many", "At most " + MAX_LEADS + " leads at once", MAX_LEADS);
        }
        int changed = 0;
        List<BulkOutcome.Skipped> skipped = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            try {
                action.accept(id);
                changed++;
            } catch (ConflictException e) {
                skipped.add(new BulkOutcome.Skipped(
                        id, e.getMessage(), e.getMessageKey(), Arrays.asList(e.getArguments())));
            } catch (NotFoundException e) {
                skipped.add(new BulkOutcome.Skipped(id, e.getMessage(), "error.404.text", List.of()));
            } catch (IllegalArgumentException e) {
                skipped.add(new BulkOutcome.Skipped(id, e.getMessage(), null, List.of()));
            }
        }
        return new BulkOutcome(changed, skipped);
    }
}
