package org.pipelinecrm.opportunity.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The create and edit form of a deal; the account is typed by name and found or created. */
record OpportunityForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String accountName,
        @NotNull Long pipelineId,
        Long stageId,

        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2)
        BigDecimal amount,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
        @Min(0) @Max(100) Integer probability,
        @Size(max = 80) String source,
        @Size(max = 80) String industry,
        @Size(max = 200) String nextStep,
        Long ownerId,
        Long version) {}
