package org.pipelinecrm.lead.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadDetails;
import org.pipelinecrm.lead.LeadFilter;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.lead.LeadType;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.shared.PageOf;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leads in the public API. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadsApi {

    private final Leads leads;
    private final CustomFields customFields;

    LeadsApi(Leads leads, CustomFields customFields) {
        this.leads = leads;
        this.customFields = customFields;
    }

    /** PATCH body: every field optional, plus the version the caller last saw. */
    record LeadPatch(
            @Size(max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,

            @jakarta.validation.constraints.Email @Size(max = 254)
            String email,

            @Size(max = 50) String phone,
            @Size(max = 200) String company,
            @Size(max = 120) String title,
            @Size(max = 120) String industry,
            @Size(max = 120) String country,
            @jakarta.validation.constraints.Min(0) Integer companySize,
            @jakarta.validation.constraints.DecimalMin("0") java.math.BigDecimal annualRevenue,
            @Size(max = 120) String source,
            LeadType type,
            Long ownerId,
            Long teamId,
            @Size(max = 120) String externalId,
            Long version,
            java.util.Map<String, Object> customFields) {

        LeadDetails details() {
            return new LeadDetails(
                    firstName,
                    lastName,
                    email,
                    phone,
                    company,
                    title,
                    industry,
                    country,
                    companySize,
                    annualRevenue,
                    source,
                    type,
                    ownerId,
                    teamId,
                    externalId,
                    customFields);
        }
    }

    record EventCmd(@NotBlank @Size(max = 60) String type, Instant occurredAt) {}

    record HandoffCmd(
            Long teamId, Long ownerId, @Size(max = 2000) String note, Long version) {}

    record ReasonCmd(
            @NotBlank @Size(max = 60) String reason,
            @Size(max = 2000) String note,
            Long version) {}

    record VersionCmd(Long version) {}

    @PostMapping
    ResponseEntity<LeadView> create(
            @Valid @RequestBody LeadDetails details, @RequestParam(defaultValue = "false") boolean allowDuplicate) {
        // the API always speaks custom fields: a body without them is held to the required ones
        LeadView lead = leads.create(
                details.customFields() == null ? details.withCustomFields(java.util.Map.of()) : details,
                allowDuplicate,
                CurrentUser.actor());
        return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id())).body(lead);
    }

    @GetMapping
    PageOf<LeadView> list(
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) LeadType type,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer minScore,
            @RequestParam(required = false) Integer maxScore,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam java.util.Map<String, String> params) {
        var filter = new LeadFilter(status, type, source, ownerId, teamId, q, minScore, maxScore);
        var pageable = PageRequest.of(
                PageOf.page(page, PageOf.clampSize(size)),
                PageOf.clampSize(size),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        return PageOf.of(
                leads.list(filter, customFields.filter(RecordKind.LEAD, params), pageable, CurrentUser.actor()),
                v -> v);
    }

    @GetMapping("/{id}")
    LeadView get(@PathVariable long id) {
        return leads.get(id, CurrentUser.actor());
    }

    /** Fields as in create (all optional) plus {@code version}. */
    @PatchMapping("/{id}")
    LeadView change(@PathVariable long id, @Valid @RequestBody LeadPatch patch) {
        return leads.change(id, patch.details(), patch.version(), CurrentUser.actor());
    }

    @PostMapping("/{id}/events")
    ResponseEntity<LeadView> event(@PathVariable long id, @Valid @RequestBody EventCmd cmd) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(leads.recordEvent(id, cmd.type(), cmd.occurredAt(), CurrentUser.actor()));
    }

    @PostMapping("/{id}/handoff")
    LeadView handOff(@PathVariable long id, @Valid @RequestBody(required = false) HandoffCmd cmd) {
        HandoffCmd c = cmd == null ? new HandoffCmd(null, null, null, null) : cmd;
        return leads.handOff(id, c.teamId(), c.ownerId(), c.note(), c.version(), CurrentUser.actor());
    }

    @PostMapping("/{id}/accept")
    LeadView accept(@PathVariable long id, @RequestBody(required = false) VersionCmd cmd) {
        return leads.accept(id, cmd == null ? null : cmd.version(), CurrentUser.actor());
    }

    @PostMapping("/{id}/reject")
    LeadView reject(@PathVariable long id, @Valid @RequestBody ReasonCmd cmd) {
        return leads.reject(id, cmd.reason(), cmd.note(), cmd.version(), CurrentUser.actor());
    }

    @PostMapping("/{id}/disqualify")
    LeadView disqualify(@PathVariable long id, @Valid @RequestBody ReasonCmd cmd) {
        return leads.disqualify(id, cmd.reason(), cmd.note(), cmd.version(), CurrentUser.actor());
    }
}
