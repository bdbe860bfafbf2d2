package org.pipelinecrm.lead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.activity.RecordMerges;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Possible duplicates (same e-mail, or same company + name, ignoring case and spaces) and merging two leads into
 * one: the one that goes hands its behaviour events, timeline, activities and tasks to the one that stays.
 */
@Service
@Transactional(readOnly = true)
public class LeadMerges {

    private static final int GROUPS = 100;

    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final TimelineRepository timeline;
    private final ScoreKeeper scores;
    private final Scoring scoring;
    private final RecordMerges activities;
    private final JdbcClient jdbc;

    LeadMerges(
            LeadRepository leads,
            LeadEventRepository events,
            TimelineRepository timeline,
            ScoreKeeper scores,
            Scoring scoring,
            RecordMerges activities,
            JdbcClient jdbc) {
        this.leads = leads;
        this.events = events;
        this.timeline = timeline;
        this.scores = scores;
        this.scoring = scoring;
        this.activities = activities;
        this.jdbc = jdbc;
    }

    /** Leads that look like the same person: why ({@code EMAIL} or {@code NAME}) and the leads, oldest first. */
    public record DuplicateGroup(String reason, List<LeadView> leads) {}

    /** Groups of visible leads sharing a duplicate key, newest group first. */
    public List<DuplicateGroup> duplicates(Actor user) {
        String visible =
                user.seesWholeWorkspace() ? "true" : "(owner_id = :me or handed_off_by = :me or team_id = :team)";
        List<Object[]> keyed = jdbc.sql("""
                select reason, array_agg(id order by id) from (
                  select 'EMAIL' as reason, email_key as key, id from lead where email_key is not null and %1$s
                  union all
                  select 'NAME', name_key, id from lead where name_key is not null and %1$s) k
                group by reason, key having count(*) > 1 order by max(id) desc limit :limit
                """.formatted(visible))
                .param("me", user.id())
                .param("team", user.teamId() == null ? -1L : user.teamId())
                .param("limit", GROUPS)
                .query((rs, n) ->
                        new Object[] {rs.getString(1), (Long[]) rs.getArray(2).getArray()})
                .list();
        List<Long> ids = keyed.stream()
                .flatMap(g -> java.util.Arrays.stream((Long[]) g[1]))
                .distinct()
                .toList();
        Map<Long, LeadView> byId = new HashMap<>();
        leads.findAllById(ids).forEach(l -> byId.put(l.id(), l.toView(null)));
        List<DuplicateGroup> groups = new ArrayList<>();
        for (Object[] g : keyed) {
            groups.add(new DuplicateGroup(
                    (String) g[0],
                    java.util.Arrays.stream((Long[]) g[1])
                            .map(byId::get)
                            .filter(java.util.Objects::nonNull)
                            .toList()));
        }
        return groups;
    }

    /**
     * Merges lead {@code goneId} into {@code keptId}: gaps in the kept lead's fields are filled from the other,
     * its events, timeline, activities and tasks move over, the other is deleted, and the kept lead is rescored
     * and notes the merge in its timeline. A converted lead cannot go (deals point at it): 409.
     */
    @Transactional
    public LeadView merge(long keptId, long goneId, Actor by) {
        if (keptId == goneId) {
            throw new ConflictException("lead.merge.same", "A lead cannot be merged with itself");
        }
        Lead kept = visible(keptId, by);
        Lead gone = visible(goneId, by);
        if (gone.status() == LeadStatus.CONVERTED) {
            throw new ConflictException(
                    "lead.merge.converted", "A converted lead cannot be merged away; keep it instead");
        }
        events.moveAll(gone.id(), kept.id());
        timeline.moveAll(gone.id(), kept.id());
        activities.move(RecordType.LEAD, gone.id(), kept.id());
        leads.delete(gone);
        leads.flush(); // the other's external id must be free before the kept lead may take it over
        kept.absorb(gone, by.id());
        events.flush();
        scores.rescore(kept, scoring.scorecard(), by.id());
        leads.save(kept);
        leads.flush();
        return kept.toView(null);
    }

    private Lead visible(long id, Actor by) {
        Specification<Lead> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return leads.findOne(byId.and(LeadFilter.none().toSpecification(by)))
                .orElseThrow(() -> new NotFoundException("Lead", id));
    }
}
