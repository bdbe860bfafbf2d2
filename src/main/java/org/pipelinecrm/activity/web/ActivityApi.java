package org.pipelinecrm.activity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.pipelinecrm.activity.Activities;
import org.pipelinecrm.activity.Activities.ActivityDetails;
import org.pipelinecrm.activity.Activities.LogActivityCmd;
import org.pipelinecrm.activity.ActivityKind;
import org.pipelinecrm.activity.ActivityView;
import org.pipelinecrm.activity.Direction;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Activities in the public API. */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityApi {

    private final Activities activities;

    ActivityApi(Activities activities) {
        this.activities = activities;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ActivityView log(@Valid @RequestBody NewActivity body) {
        return activities.log(
                new LogActivityCmd(body.kind(), body.recordType(), body.recordId(), body.details()),
                CurrentUser.actor());
    }

    @GetMapping
    PageOf<ActivityView> ofRecord(
            @RequestParam RecordType recordType,
            @RequestParam long recordId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return activities.ofRecord(recordType, recordId, page, size, CurrentUser.actor());
    }

    @GetMapping("/{id}")
    ActivityView get(@PathVariable long id) {
        return activities.get(id, CurrentUser.actor());
    }

    /** Fields left out keep their value (PUT too); {@code version} is required so a stale edit answers 409. */
    @org.springframework.web.bind.annotation.RequestMapping(
            path = "/{id}",
            method = {
                org.springframework.web.bind.annotation.RequestMethod.PATCH,
                org.springframework.web.bind.annotation.RequestMethod.PUT
            })
    ActivityView change(@PathVariable long id, @Valid @RequestBody ActivityChange body) {
        ActivityView now = activities.get(id, CurrentUser.actor());
        return activities.change(
                id,
                new ActivityDetails(
                        or(body.subject(), now.subject()),
                        or(body.body(), now.body()),
                        or(body.direction(), now.direction()),
                        or(body.occurredAt(), now.occurredAt()),
                        or(body.durationMinutes(), now.durationMinutes()),
                        or(body.outcome(), now.outcome()),
                        or(body.participantUserIds(), now.participantUserIds()),
                        or(body.participantContactIds(), now.participantContactIds())),
                body.version(),
                CurrentUser.actor());
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }

    record NewActivity(
            @NotNull ActivityKind kind,
            @NotNull RecordType recordType,
            @NotNull Long recordId,

            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200)
            String subject,

            @jakarta.validation.constraints.Size(max = 20000)
            String body,

            Direction direction,
            java.time.Instant occurredAt,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(1440)
            Integer durationMinutes,

            @jakarta.validation.constraints.Size(max = 200) String outcome,
            java.util.List<Long> participantUserIds,
            java.util.List<Long> participantContactIds) {

        ActivityDetails details() {
            return new ActivityDetails(
                    subject,
                    body,
                    direction,
                    occurredAt,
                    durationMinutes,
                    outcome,
                    participantUserIds,
                    participantContactIds);
        }
    }

    record ActivityChange(
            @jakarta.validation.constraints.Size(min = 1, max = 200)
            String subject,

            @jakarta.validation.constraints.Size(max = 20000)
            String body,

            Direction direction,
            java.time.Instant occurredAt,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(1440)
            Integer durationMinutes,

            @jakarta.validation.constraints.Size(max = 200) String outcome,
            java.util.List<Long> participantUserIds,
            java.util.List<Long> participantContactIds,
            @NotNull Long version) {}
}
