package org.pipelinecrm.activity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.PageOf;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logging calls, meetings, e-mails and notes on records; visible by the record's rules, changed by their author. */
@Service
@Transactional(readOnly = true)
public class Activities {

    private final ActivityRepository activities;
    private final LinkedRecords records;
    private final People people;
    private final ApplicationEventPublisher events;

    Activities(ActivityRepository activities, LinkedRecords records, People people, ApplicationEventPublisher events) {
        this.activities = activities;
        this.records = records;
        this.people = people;
        this.events = events;
    }

    @Transactional
    public ActivityView log(LogActivityCmd cmd, Actor by) {
        records.require(cmd.recordType(), cmd.recordId(), by);
        Activity activity = new Activity(cmd.kind(), cmd.recordType(), cmd.recordId(), by.id());
        describe(activity, cmd.details());
        return published(activities.saveAndFlush(activity));
    }

    @Transactional
    public ActivityView change(long id, ActivityDetails details, Long version, Actor by) {
        Activity activity = visible(id, by);
        activity.checkAuthor(by.id());
        activity.checkVersion(version);
        describe(activity, details);
        return published(activities.saveAndFlush(activity));
    }

    /** The record activities are logged on, for the page that logs one; 404 when missing or hidden. */
    public RecordRef record(RecordType type, long id, Actor by) {
        return records.require(type, id, by);
    }

    /** An activity {@code by} may change (they wrote it); 404 when hidden, 403 for others'. */
    public ActivityView editable(long id, Actor by) {
        Activity activity = visible(id, by);
        activity.checkAuthor(by.id());
        return activity.toView();
    }

    public ActivityView get(long id, Actor by) {
        return visible(id, by).toView();
    }

    public PageOf<ActivityView> ofRecord(RecordType type, long recordId, int page, int size, Actor by) {
        records.require(type, recordId, by);
        return PageOf.of(
                activities.findByRecordTypeAndRecordIdOrderByOccurredAtDescIdDesc(
                        type,
                        recordId,
                        PageRequest.of(PageOf.page(page, PageOf.clampSize(size)), PageOf.clampSize(size))),
                Activity::toView);
    }

    private Activity visible(long id, Actor by) {
        Activity activity = activities.findById(id).orElseThrow(() -> new NotFoundException("activity", id));
        return records.find(activity.getRecordType(), activity.getRecordId(), by)
                .map(record -> {
                    if (!record.visible()) {
                        throw LinkedRecords.hidden("activity", id, "activity.hidden.activity", record);
                    }
                    return activity;
                })
                .orElseThrow(() -> new NotFoundException("activity", id));
    }

    private void describe(Activity activity, ActivityDetails d) {
        List<Long> users = d.participantUserIds() == null ? List.of() : d.participantUserIds();
        users.forEach(people::user); // another workspace's person is as missing as nobody
        activity.describe(
                d.subject(),
                d.body(),
                d.direction(),
                d.occurredAt() == null ? Instant.now() : d.occurredAt(),
                d.durationMinutes(),
                d.outcome(),
                users,
                d.participantContactIds() == null ? List.of() : d.participantContactIds());
    }

    private ActivityView published(Activity activity) {
        ActivityView view = activity.toView();
        events.publishEvent(new ActivityLogged(
                TenantContext.require(),
                view.id(),
                view.recordType(),
                view.recordId(),
                view.kind(),
                view.occurredAt()));
        return view;
    }

    /** What was done, on which record. */
    public record LogActivityCmd(
            @NotNull ActivityKind kind,
            @NotNull RecordType recordType,
            @NotNull Long recordId,
            @NotNull @jakarta.validation.Valid ActivityDetails details) {}

    /** The describable part of an activity; {@code occurredAt} defaults to now. */
    public record ActivityDetails(
            @NotBlank @Size(max = 200) String subject,
            @Size(max = 20000) String body,
            Direction direction,
            Instant occurredAt,
            @Min(0) @Max(1440) Integer durationMinutes,
            @Size(max = 200) String outcome,
            List<Long> participantUserIds,
            List<Long> participantContactIds) {}
}
