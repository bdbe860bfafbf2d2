package org.pipelinecrm.tenant.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import org.pipelinecrm.tenant.Currency;
import org.pipelinecrm.tenant.WorkspaceSettings;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/settings")
class WorkspaceSettingsController {

    /** The zones most workspaces pick, offered first. */
    static final List<String> COMMON_ZONES = List.of(
            "UTC",
            "Asia/Tehran",
            "Europe/London",
            "Europe/Berlin",
            "Europe/Istanbul",
            "Asia/Dubai",
            "Asia/Kolkata",
            "Asia/Shanghai",
            "Asia/Tokyo",
            "Australia/Sydney",
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Sao_Paulo");

    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .filter(z -> !COMMON_ZONES.contains(z))
            .sorted()
            .toList();

    /** A zone as the picker offers it: its name, and its offset from UTC now (which is what people recognise). */
    record ZoneChoice(String id, String label) {

        static List<ZoneChoice> of(List<String> zones) {
            java.time.Instant now = java.time.Instant.now();
            return zones.stream()
                    .map(z -> {
                        String offset = ZoneId.of(z).getRules().getOffset(now).getId();
                        return new ZoneChoice(
                                z, z.replace('_', ' ') + " (UTC" + ("Z".equals(offset) ? "" : offset) + ")");
                    })
                    .toList();
        }
    }

    private final Workspaces workspaces;

    WorkspaceSettingsController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping
    String show(Model model) {
        if (!model.containsAttribute("form")) {
            WorkspaceSettings current = workspaces.current();
            model.addAttribute(
                    "form",
                    new SettingsForm(
                            current.name(),
                            current.currency(),
                            current.timeZone().getId(),
                            current.version()));
        }
        model.addAttribute("currencies", Currency.values());
        model.addAttribute("commonZones", ZoneChoice.of(COMMON_ZONES));
        model.addAttribute("zones", ZoneChoice.of(ZONES));
        return "tenant/settings";
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String save(
            @Valid @ModelAttribute("form") SettingsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (!errors.hasErrors() && !ZoneId.getAvailableZoneIds().contains(form.timeZone())) {
            errors.rejectValue("timeZone", "settings.zoneUnknown");
        }
        if (errors.hasErrors()) {
            return show(model);
        }
        workspaces.changeSettings(form.name().trim(), form.currency(), ZoneId.of(form.timeZone()), form.version());
        flash.addFlashAttribute("saved", "settings.saved");
        return "redirect:/settings";
    }

    record SettingsForm(
            @NotBlank @Size(max = 120) String name,
            @NotNull Currency currency,
            @NotBlank String timeZone,
            long version) {}
}
