package org.pipelinecrm.lead;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a visitor sends through a workspace's embedded lead form. {@code website} is the honeypot: hidden from
 * people, so only robots fill it in.
 */
public record WebFormSubmission(
        @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 50) String phone,
        @Size(max = 200) String company,
        @Size(max = 120) String title,
        @Size(max = 2000) String message,
        String website) {

    public boolean looksAutomated() {
        return website != null && !website.isBlank();
    }
}
