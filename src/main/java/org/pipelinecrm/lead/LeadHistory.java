package org.pipelinecrm.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TimelineEntry;
import org.pipelinecrm.activity.TimelineSource;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's own history on the shared timeline: status and score changes, handoffs, imports and edits,
 * under the timeline's kinds so that one filter works on every record.
 */
@Component
@Transactional(readOnly = true)
class LeadHistory implements TimelineSource {

    private final TimelineRepository history;
    private final People people;
    private final MessageSource messages;
    private final Map<String, TimelineWording> wordings = new HashMap<>();

    LeadHistory(TimelineRepository history, People people, MessageSource messages, List<TimelineWording> wordings) {
        this.history = history;
        this.people = people;
        this.messages = messages;
        wordings.forEach(w -> w.kinds().forEach(k -> this.wordings.put(k, w)));
    }

    @Override
    public List<TimelineEntry> entries(RecordType type, long recordId, String kind, int limit, Actor by) {
        if (type != RecordType.LEAD) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = people.userNames();
        List<TimelineEntry> entries = new java.util.ArrayList<>();
        // The lead's entries are few; filtering by kind here keeps the query the one the lead page used.
        for (var e : history.findByLeadIdOrderByOccurredAtDescIdDesc(
                recordId, PageRequest.of(0, kind == null ? limit : Math.max(limit, 500)))) {
            String timelineKind = kindOf(e.kind, e.detail);
            if (kind == null || kind.equals(timelineKind)) {
                entries.add(new TimelineEntry(
                        e.occurredAt,
                        timelineKind,
                        e.actorId == null ? null : names.get(e.actorId),
                        messages.getMessage("lead.timeline." + e.kind, null, e.kind, locale),
                        detail(e, locale),
                        LeadWording.opportunityLink(e.kind, e.detail)));
            }
        }
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    /** The detail in the reader's language where its kind is worded; as stored otherwise (typed notes, older entries). */
    private String detail(org.pipelinecrm.lead.TimelineEntry e, Locale locale) {
        TimelineWording wording = wordings.get(e.kind);
        String worded = wording == null ? null : wording.word(e.kind, e.detail, locale);
        return worded == null ? e.detail : worded;
    }

    static String kindOf(String leadKind, String detail) {
        return switch (leadKind) {
            case "CREATED" -> LeadWording.IMPORTED.equals(detail) ? "IMPORT" : "CREATED";
            case "CHANGED" -> "EDIT";
            case "EVENT" -> "EVENT";
            case "HANDED_OFF", "ACCEPTED", "REJECTED" -> "HANDOFF";
            case "PROMOTED", "SALES_READY" -> "SCORE_CHANGE";
            default -> "STATUS_CHANGE";
        };
    }
}
