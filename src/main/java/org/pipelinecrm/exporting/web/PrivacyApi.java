package org.pipelinecrm.exporting.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pipelinecrm.exporting.PersonData;
import org.pipelinecrm.exporting.Privacy;
import org.pipelinecrm.exporting.PrivacyLogEntry;
import org.pipelinecrm.shared.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data-protection requests in the public API, for admins: find, export or erase one person's data; the log. */
@RestController
@RequestMapping("/api/v1/privacy")
class PrivacyApi {

    private final Privacy privacy;

    PrivacyApi(Privacy privacy) {
        this.privacy = privacy;
    }

    /** The records a request is about, as the subjects search gave their ids. */
    record Subjects(
            @Size(max = 500) List<@NotNull Long> leadIds,
            @Size(max = 500) List<@NotNull Long> contactIds) {

        List<Long> leads() {
            return leadIds == null ? List.of() : List.copyOf(leadIds);
        }

        List<Long> contacts() {
            return contactIds == null ? List.of() : List.copyOf(contactIds);
        }
    }

    @GetMapping("/subjects")
    PersonData find(
            @RequestParam(required = false) @Size(max = 254) String email,
            @RequestParam(required = false) @Size(max = 200) String name) {
        return privacy.find(email, name);
    }

    @PostMapping("/subjects/export")
    PersonData export(@Valid @RequestBody Subjects subjects) {
        return privacy.export(subjects.leads(), subjects.contacts());
    }

    @PostMapping("/subjects/erase")
    Privacy.Erased erase(@Valid @RequestBody Subjects subjects) {
        return privacy.erase(subjects.leads(), subjects.contacts());
    }

    @GetMapping("/log")
    PageOf<PrivacyLogEntry> log(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return privacy.log(page, size);
    }
}
