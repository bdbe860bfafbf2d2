package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TimelineEntry;
import org.pipelinecrm.activity.TimelineSource;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.web.Formats;
import org.pipelinecrm.tenant.WorkspaceSettings;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A deal's own history on its timeline: its stage changes and the edits of its fields. */
@Component
@Transactional(readOnly = true)
class DealTimeline implements TimelineSource {

    static final String STAGE_CHANGE = "STAGE_CHANGE";
    static final String EDIT = "EDIT";

    private final StageChangeRepository changes;
    private final DealEditRepository edits;
    private final Pipelines pipelines;
    private final People people;
    private final MessageSource messages;
    private final Formats formats;
    private final Workspaces workspaces;
    private final org.pipelinecrm.account.Accounts accounts;

    DealTimeline(
            StageChangeRepository changes,
            DealEditRepository edits,
            Pipelines pipelines,
            People people,
            MessageSource messages,
            Formats formats,
            Workspaces workspaces,
            org.pipelinecrm.account.Accounts accounts) {
        this.changes = changes;
        this.edits = edits;
        this.pipelines = pipelines;
        this.people = people;
        this.messages = messages;
        this.formats = formats;
        this.workspaces = workspaces;
        this.accounts = accounts;
    }

    @Override
    public List<TimelineEntry> entries(RecordType type, long recordId, String kind, int limit, Actor by) {
        if (type != RecordType.OPPORTUNITY) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = people.userNames();
        List<TimelineEntry> entries = new ArrayList<>();
        if (kind == null || STAGE_CHANGE.equals(kind)) {
            for (StageChange c :
                    changes.findByOpportunityIdOrderByChangedAtDescIdDesc(recordId, PageRequest.of(0, limit))) {
                String to = stageName(c.getToStageId());
                String title = c.getFromStageId() == null
                        ? messages.getMessage("opportunity.timeline.created", new Object[] {to}, locale)
                        : messages.getMessage("opportunity.timeline.moved", new Object[] {to}, locale);
                String detail = c.getFromStageId() == null ? null : stageName(c.getFromStageId()) + " → " + to;
                entries.add(new TimelineEntry(
                        c.getChangedAt(), STAGE_CHANGE, names.get(c.getChangedBy()), title, detail, null));
            }
        }
        if (kind == null || EDIT.equals(kind)) {
            String none = messages.getMessage("opportunity.timeline.empty", null, locale);
            WorkspaceSettings workspace = workspaces.current();
            for (DealEdit e : edits.findByOpportunityIdOrderByChangedAtDescIdDesc(recordId, PageRequest.of(0, limit))) {
                String field = messages.getMessage("opportunity." + e.getField(), null, e.getField(), locale);
                entries.add(new TimelineEntry(
                        e.getChangedAt(),
                        EDIT,
                        names.get(e.getChangedBy()),
                        messages.getMessage("opportunity.timeline.edited", new Object[] {field}, locale),
                        shown(e.getField(), e.getOldValue(), none, workspace) + " → "
                                + shown(e.getField(), e.getNewValue(), none, workspace),
                        null));
            }
        }
        return entries;
    }

    private String stageName(long stageId) {
        return pipelines.findStage(stageId).map(StageView::name).orElse("—");
    }

    /**
     * An edited value as the reader writes numbers and dates (amounts in the workspace's currency, dates in the
     * Solar Hijri calendar for Persian); edits are kept in a neutral form (12500, 40%, 2026-12-01).
     */
    /** COMMIT (the owner's choice) or COMMIT=STAGE (the stage's default), worded. */
    private String forecastCategory(String value) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String[] parts = value.split("=");
        String category = messages.getMessage("forecastCategory." + parts[0], null, parts[0], locale);
        return parts.length > 1
                ? messages.getMessage("opportunity.forecastCategory.fromStage", new Object[] {category}, locale)
                : category;
    }

    private String shown(String field, String value, String none, WorkspaceSettings workspace) {
        if (value == null) {
            return none;
        }
        try {
            return switch (field) {
                case "amount" ->
                    formats.money(new BigDecimal(value), workspace.currency().name());
                case "probability" -> formats.number(Integer.valueOf(value.replace("%", ""))) + "%";
                case "expectedCloseDate" -> formats.date(LocalDate.parse(value));
                case "forecastCategory" -> forecastCategory(value);
                case "contact" -> {
                    long contactId = Long.parseLong(value);
                    yield accounts.contactNamesByIds(List.of(contactId)).getOrDefault(contactId, "—");
                }
                default -> value;
            };
        } catch (RuntimeException notInThatForm) {
            return value;
        }
    }
}
