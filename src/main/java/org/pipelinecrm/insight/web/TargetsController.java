package org.pipelinecrm.insight.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.insight.FiscalCalendar;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Periods;
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
    private final People people;
    private final PeriodLabels labels;

    TargetsController(Targets targets, FiscalYears fiscalYears, People people, PeriodLabels labels) {
        this.targets = targets;
        this.fiscalYears = fiscalYears;
        this.people = people;
        this.labels = labels;
    }

    @GetMapping
    String page(Model model) {
        FiscalYears.Setting fiscal = fiscalYears.current();
        Map<String, String> periods = new LinkedHashMap<>();
        for (PeriodType type : PeriodType.values()) {
            LocalDate from = Periods.containing(fiscalYears.today(), type, fiscal.calendar(), fiscal.startMonth())
                    .start();
            int count = type == PeriodType.MONTH ? 12 : type == PeriodType.QUARTER ? 6 : 3;
            Period previous = Periods.previous(
                    Periods.containing(from, type, fiscal.calendar(), fiscal.startMonth()), fiscal.startMonth());
            for (Period p : Periods.from(previous.start(), type, fiscal.calendar(), fiscal.startMonth(), count + 1)) {
                periods.put(type + ":" + p.start(), labels.label(p));
            }
        }
        List<Row> rows = new ArrayList<>();
        var users = people.userNames();
        var teams = people.teamsById();
        for (var t : targets.all()) {
            rows.add(new Row(
                    t.id(),
                    t.periodStart(),
                    t.periodEnd(),
                    t.amount(),
                    t.ownerId() != null
                            ? users.get(t.ownerId())
                            : teams.get(t.teamId()).name(),
                    t.teamId() != null));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("periods", periods);
        model.addAttribute("users", people.users());
        model.addAttribute("teams", people.teams());
        model.addAttribute("fiscal", fiscal);
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
        if (errors.hasErrors()
                || !form.forWhom().matches("(user|team):\\d+")
                || !form.period().matches("[A-Z]+:\\d{4}-\\d{2}-\\d{2}")) {
            if (!errors.hasErrors()) {
                errors.reject("target.choose");
            }
            return page(model);
        }
        FiscalYears.Setting fiscal = fiscalYears.current();
        String[] period = form.period().split(":");
        Period chosen = Periods.containing(
                LocalDate.parse(period[1]), PeriodType.valueOf(period[0]), fiscal.calendar(), fiscal.startMonth());
        long id = Long.parseLong(form.forWhom().substring(5));
        boolean team = form.forWhom().startsWith("team:");
        targets.set(
                new Targets.TargetCmd(chosen.start(), chosen.end(), form.amount(), team ? null : id, team ? id : null));
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
            BigDecimal amount) {}

    record FiscalForm(@NotNull FiscalCalendar calendar, int startMonth) {}

    record Row(long id, LocalDate start, LocalDate end, BigDecimal amount, String who, boolean team) {}
}
