package org.pipelinecrm.lead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * How handoffs work in a workspace: hours sales has to answer before a lead is overdue, and the reasons a
 * rejection may give (built-in codes such as NO_BUDGET are shown translated; others as written).
 */
public record HandoffRules(
        @Min(1) @Max(720) int slaHours,

        @NotEmpty @Size(max = 20)
        List<@Size(min = 1, max = 60) @Pattern(regexp = "[^:\\n]+", message = "must not contain a colon") String>
                rejectionReasons,

        long version) {}
