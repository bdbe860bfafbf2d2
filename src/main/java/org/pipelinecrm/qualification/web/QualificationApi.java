package org.pipelinecrm.qualification.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.qualification.Conversion;
import org.pipelinecrm.qualification.QualificationCmd;
import org.pipelinecrm.qualification.QualificationView;
import org.pipelinecrm.qualification.Qualifications;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A lead's BANT scorecard, its conversion, and re-opening a disqualified lead, in the public API. */
@RestController
@RequestMapping("/api/v1/leads/{id}")
class QualificationApi {

    private final Qualifications qualifications;
    private final Conversion conversion;
    private final Leads leads;

    QualificationApi(Qualifications qualifications, Conversion conversion, Leads leads) {
        this.qualifications = qualifications;
        this.conversion = conversion;
        this.leads = leads;
    }

    record VersionCmd(Long version) {}

    @GetMapping("/qualification")
    QualificationView get(@PathVariable long id) {
        return qualifications.of(id, CurrentUser.actor());
    }

    @PutMapping("/qualification")
    QualificationView put(@PathVariable long id, @Valid @RequestBody QualificationCmd cmd, Actor me) {
        return qualifications.answer(id, cmd, me);
    }

    @PostMapping("/convert")
    ResponseEntity<Conversion.Converted> convert(@PathVariable long id, @Valid @RequestBody Conversion.ConvertCmd cmd) {
        Conversion.Converted converted = conversion.convert(id, cmd, CurrentUser.actor());
        return ResponseEntity.created(URI.create("/api/v1/opportunities/" + converted.opportunityId()))
                .body(converted);
    }

    /** A disqualified lead, back from nurture, is worked again with its history. */
    @PostMapping("/reopen")
    LeadView reopen(@PathVariable long id, @RequestBody(required = false) VersionCmd cmd) {
        return leads.reopen(id, cmd == null ? null : cmd.version(), CurrentUser.actor());
    }
}
