package org.pipelinecrm.exporting;

import org.pipelinecrm.activity.ActivityKind;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadFilter;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.lead.LeadType;
import org.pipelinecrm.opportunity.DealFilter;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.shared.InvalidInputException;

/**
 * The filter parameters of every list endpoint, by the names those endpoints give them; each kind reads its own and
 * ignores the rest. {@code status} is a lead status for leads and a stage kind (OPEN, WON, LOST) for deals; deals also
 * take the board's {@code teamId}, {@code q} (text in the deal's name) and {@code mine} (my own deals); tasks take
 * {@code mine} as My tasks does (my open tasks).
 */
public record ExportFilter(
        String status,
        LeadType type,
        String source,
        Long ownerId,
        Long teamId,
        String q,
        Integer minScore,
        Integer maxScore,
        Long pipelineId,
        Long stageId,
        Long accountId,
        RecordType recordType,
        Long recordId,
        ActivityKind kind,
        Boolean mine) {

    public static ExportFilter none() {
        return new ExportFilter(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    LeadFilter leads() {
        return new LeadFilter(
                blank(status) ? null : named(LeadStatus.class, status),
                type,
                source,
                ownerId,
                teamId,
                q,
                minScore,
                maxScore);
    }

    DealFilter deals() {
        return new DealFilter(
                pipelineId,
                stageId,
                onlyMine() ? Long.valueOf(CurrentUser.get().id()) : ownerId,
                teamId,
                blank(status) ? null : named(StageKind.class, status),
                q);
    }

    boolean onlyMine() {
        return Boolean.TRUE.equals(mine);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String known = String.join(
                    ", ",
                    java.util.Arrays.stream(type.getEnumConstants())
                            .map(Enum::name)
                            .toList());
            throw new InvalidInputException("status", "problem.field.one-of", "status is one of " + known, known);
        }
    }
}
