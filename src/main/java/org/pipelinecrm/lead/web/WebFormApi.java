package org.pipelinecrm.lead.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.pipelinecrm.lead.WebFormSubmission;
import org.pipelinecrm.lead.WebForms;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The web-to-lead form as JSON, for websites that post it from their own script. Public: the key names the workspace. */
@RestController
class WebFormApi {

    private final WebForms forms;

    WebFormApi(WebForms forms) {
        this.forms = forms;
    }

    /** 202 whether or not a lead was made (a filled honeypot is not told apart); 400 on bad fields; 429 on floods. */
    @PostMapping("/api/v1/forms/{key}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> submit(
            @PathVariable String key, @Valid @RequestBody WebFormSubmission form, HttpServletRequest request) {
        forms.submit(key, form, request.getRemoteAddr());
        return Map.of("status", "received");
    }
}
