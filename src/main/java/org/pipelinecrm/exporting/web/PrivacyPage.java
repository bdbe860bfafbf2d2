package org.pipelinecrm.exporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.pipelinecrm.exporting.PersonData;
import org.pipelinecrm.exporting.Privacy;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Settings → Data and privacy: export the workspace; find, export or erase one person's data; the log. */
@Controller
@RequestMapping("/settings/privacy")
@PreAuthorize("hasRole('ADMIN')")
class PrivacyPage {

    private final Privacy privacy;
    private final JsonMapper json;

    PrivacyPage(Privacy privacy, JsonMapper json) {
        this.privacy = privacy;
        this.json = json;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String email, @RequestParam(required = false) String name, Model model) {
        boolean searched = (email != null && !email.isBlank()) || (name != null && !name.isBlank());
        model.addAttribute("email", email == null ? "" : email);
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("found", searched ? privacy.find(email, name) : null);
        model.addAttribute("log", privacy.log(0, 50).items());
        return "exporting/privacy";
    }

    /** Everything held about the chosen records, as a JSON download (logged). */
    @PostMapping("/export")
    void export(
            @RequestParam(required = false) List<Long> leadIds,
            @RequestParam(required = false) List<Long> contactIds,
            HttpServletResponse response)
            throws IOException {
        PersonData data = privacy.export(orNone(leadIds), orNone(contactIds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("personal-data.json")
                        .build()
                        .toString());
        json.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), data);
    }

    @PostMapping("/erase")
    String erase(
            @RequestParam(required = false) List<Long> leadIds,
            @RequestParam(required = false) List<Long> contactIds,
            RedirectAttributes redirect) {
        Privacy.Erased erased = privacy.erase(orNone(leadIds), orNone(contactIds));
        redirect.addFlashAttribute("erased", erased);
        return "redirect:/settings/privacy";
    }

    private static List<Long> orNone(List<Long> ids) {
        return ids == null
                ? List.of()
                : ids.stream().filter(java.util.Objects::nonNull).toList();
    }
}
