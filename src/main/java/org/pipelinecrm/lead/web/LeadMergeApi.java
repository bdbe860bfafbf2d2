package org.pipelinecrm.lead.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadMerges;
import org.pipelinecrm.lead.LeadView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Possible duplicates and merging them, in the public API. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadMergeApi {

    private final LeadMerges merges;

    LeadMergeApi(LeadMerges merges) {
        this.merges = merges;
    }

    record MergeCmd(@NotNull Long duplicateId) {}

    @GetMapping("/duplicates")
    List<LeadMerges.DuplicateGroup> duplicates() {
        return merges.duplicates(CurrentUser.actor());
    }

    /** Merges {@code duplicateId} into lead {@code id}, which stays; answers the merged lead. */
    @PostMapping("/{id}/merge")
    LeadView merge(@PathVariable long id, @Valid @RequestBody MergeCmd cmd) {
        return merges.merge(id, cmd.duplicateId(), CurrentUser.actor());
    }
}
