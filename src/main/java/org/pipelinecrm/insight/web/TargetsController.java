package org.pipelinecrm.insight.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.pipelinecrm.insight.FiscalCalendar;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Targets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Managers set revenue targets for reps and teams, picking periods in the workspace's calendar. */
@Controller
@RequestMapping("/targets")
class TargetsController {

    private final Targets targets;
    private final FiscalYears fiscalYears;
    private final TargetsPage page;

    TargetsController(Targets targets, FiscalYears fiscalYears, TargetsPage page) {
        this.targets = targets;
        this.fiscalYears = fiscalYears;
        this.page = page;
    }

    @GetMapping
    String page(Model model) {
        TargetsPage.View view = page.view();
        model.addAttribute("rows", view.rows());
        model.addAttribute("periods", view.periods());
        model.addAttribute("users", view.users());
        model.addAttribute("teams", view.teams());
        model.addAttribute("fiscal", view.fiscal());
        model.addAttribute("calendars", FiscalCalendar.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TargetForm("", "", null));
        }
        return "insight/targets";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String set(
            @Valid @ModelAttribute("form") TargetForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        LocalDate day = form.periodDay();
        if (errors.hasErrors() || !form.forWhom().matches("(user|team):\\d{1,18}") || day == null) {
            if (!errors.hasErrors()) {
                errors.reject("target.choose");
            }
            return page(model);
        }
        String[] period = form.period().split(":");
        long id = Long.parseLong(form.forWhom().substring(5));
        boolean team = form.forWhom().startsWith("team:");
        targets.setForPeriod(PeriodType.valueOf(period[0]), day, form.amount(), team ? null : id, team ? id : null);
        flash.addFlashAttribute("saved", "target.saved");
        return "redirect:/targets";
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String remove(@PathVariable long id, RedirectAttributes flash) {
        targets.remove(id);
        flash.addFlashAttribute("saved", "target.removed");
        return "redirect:/targets";
    }

    @PostMapping("/fiscal-year")
    @PreAuthorize("hasRole('ADMIN')")
    String fiscalYear(@ModelAttribute FiscalForm form, RedirectAttributes flash) {
        fiscalYears.change(new FiscalYears.Setting(form.calendar(), form.startMonth()));
        flash.addFlashAttribute("saved", "fiscal.saved");
        return "redirect:/targets";
    }

    record TargetForm(
            @NotBlank String forWhom,
            @NotBlank String period,

            @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2)
            BigDecimal amount) {

        /** The first day of the chosen period ({@code TYPE:yyyy-mm-dd}), or null when it is not one. */
        LocalDate periodDay() {
            if (period == null || !period.matches("(MONTH|QUARTER|YEAR):\\d{4}-\\d{2}-\\d{2}")) {
                return null;
            }
            try {
                return LocalDate.parse(period.substring(period.indexOf(':') + 1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    record FiscalForm(@NotNull FiscalCalendar calendar, int startMonth) {}
}
