package org.pipelinecrm.forecast.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.forecast.Accuracy;
import org.pipelinecrm.forecast.Forecast;
import org.pipelinecrm.forecast.ForecastDeal;
import org.pipelinecrm.forecast.Forecasts;
import org.pipelinecrm.forecast.NotTeamManagerException;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.TeamSummary;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodLabels;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Periods;
import org.pipelinecrm.pipeline.ForecastCategory;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forecast page of a fiscal month or quarter: figures per rep, team and workspace against their targets, the
 * calls submitted and the forms to submit one, and how past calls compared with what closed.
 */
@Controller
@RequestMapping("/forecast")
class ForecastPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Forecasts forecasts;
    private final FiscalYears fiscalYears;
    private final PeriodLabels labels;
    private final People people;
    private final MessageSource messages;

    ForecastPage(
            Forecasts forecasts, FiscalYears fiscalYears, PeriodLabels labels, People people, MessageSource messages) {
        this.forecasts = forecasts;
        this.fiscalYears = fiscalYears;
        this.labels = labels;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) String period, Model model, Actor me) {
        Map<String, String> periods = periods();
        String chosen = period != null && periods.containsKey(period) ? period : current();
        LocalDate start = LocalDate.parse(chosen.split("_")[0]);
        LocalDate end = LocalDate.parse(chosen.split("_")[1]);
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("periodLabel", periods.get(chosen));
        model.addAttribute("start", start);
        model.addAttribute("end", end);
        model.addAttribute("rows", forecasts.rows(start, end, me));
        model.addAttribute("manager", me.seesWholeWorkspace());
        model.addAttribute("canCall", !me.is(Role.MARKETER));
        Forecast own = forecasts.forecast(start, end, null, me.id(), me);
        model.addAttribute("own", own);
        model.addAttribute("ownDefault", own.closed().add(own.commit()));
        List<Forecast> teamForecasts = new ArrayList<>();
        for (TeamSummary t : managedTeams(me)) {
            teamForecasts.add(forecasts.forecast(start, end, t.id(), null, me));
        }
        model.addAttribute("teamForecasts", teamForecasts);
        model.addAttribute("teamNames", people.teamsById());
        model.addAttribute(
                "submissions", forecasts.submissions(start, end, null, me.seesWholeWorkspace() ? null : me.id(), me));
        LocalDate today = fiscalYears.today();
        Accuracy accuracy =
                forecasts.accuracy(today.minusYears(2), today, null, me.seesWholeWorkspace() ? null : me.id(), me);
        model.addAttribute("accuracy", accuracy);
        model.addAttribute("accuracyChart", chart(accuracy));
        return "forecast/page";
    }

    /** The deals behind one figure: a category of a rep's, a team's or the workspace's forecast. */
    @GetMapping("/deals")
    String deals(
            @RequestParam LocalDate periodStart,
            @RequestParam LocalDate periodEnd,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) String category,
            Model model,
            Actor me) {
        ForecastCategory which = category(category);
        List<ForecastDeal> deals = forecasts.deals(periodStart, periodEnd, teamId, ownerId, which, me);
        model.addAttribute("deals", deals);
        model.addAttribute("total", deals.stream().map(ForecastDeal::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("category", which);
        model.addAttribute("start", periodStart);
        model.addAttribute("end", periodEnd);
        model.addAttribute(
                "who",
                ownerId != null
                        ? people.user(ownerId).name()
                        : teamId != null ? people.team(teamId).name() : null);
        model.addAttribute("names", people.userNames());
        return "forecast/deals";
    }

    @PostMapping("/submissions")
    String submit(@ModelAttribute CallForm form, RedirectAttributes flash, Actor me) {
        try {
            forecasts.submit(
                    new Forecasts.SubmitCmd(form.periodStart, form.periodEnd, form.amount, form.note, form.teamId), me);
            flash.addFlashAttribute("saved", form.teamId == null ? "forecast.submitted" : "forecast.teamSubmitted");
        } catch (NotTeamManagerException | jakarta.validation.ConstraintViolationException | InvalidInputException e) {
            flash.addFlashAttribute("saved", "forecast.notSubmitted");
        }
        return "redirect:/forecast?period=" + form.periodStart + "_" + form.periodEnd;
    }

    /** The call form (bound by name; bad values are refused by the submission's own checks). */
    static class CallForm {
        LocalDate periodStart;
        LocalDate periodEnd;

        @DecimalMin("0")
        @Digits(integer = 16, fraction = 2)
        BigDecimal amount;

        @Size(max = 2000)
        String note;

        Long teamId;

        public void setPeriodStart(LocalDate periodStart) {
            this.periodStart = periodStart;
        }

        public void setPeriodEnd(LocalDate periodEnd) {
            this.periodEnd = periodEnd;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }

        public void setNote(String note) {
            this.note = note;
        }

        public void setTeamId(Long teamId) {
            this.teamId = teamId;
        }
    }

    private List<TeamSummary> managedTeams(Actor me) {
        if (me.is(Role.ADMIN)) {
            return people.teams();
        }
        if (me.is(Role.MANAGER) && me.teamId() != null) {
            return List.of(people.team(me.teamId()));
        }
        return List.of();
    }

    /** Months and quarters of the fiscal calendar: a year back, a quarter ahead. Key: start_end. */
    private Map<String, String> periods() {
        FiscalYears.Setting fiscal = fiscalYears.current();
        LocalDate today = fiscalYears.today();
        Map<String, String> periods = new LinkedHashMap<>();
        for (PeriodType type : List.of(PeriodType.QUARTER, PeriodType.MONTH)) {
            int back = type == PeriodType.QUARTER ? 4 : 12;
            Period first = Periods.containing(today, type, fiscal.calendar(), fiscal.startMonth());
            for (int i = 0; i < back; i++) {
                first = Periods.previous(first, fiscal.startMonth());
            }
            List<Period> list = Periods.from(first.start(), type, fiscal.calendar(), fiscal.startMonth(), back + 2);
            for (int i = list.size() - 1; i >= 0; i--) {
                Period p = list.get(i);
                periods.put(p.start() + "_" + p.end(), labels.label(p));
            }
        }
        return periods;
    }

    private String current() {
        FiscalYears.Setting fiscal = fiscalYears.current();
        Period p = Periods.containing(fiscalYears.today(), PeriodType.QUARTER, fiscal.calendar(), fiscal.startMonth());
        return p.start() + "_" + p.end();
    }

    private String chart(Accuracy accuracy) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> names = new ArrayList<>();
        List<BigDecimal> errors = new ArrayList<>();
        accuracy.callers().forEach(c -> {
            names.add(c.name());
            errors.add(c.meanAbsoluteError());
        });
        return JSON.writeValueAsString(
                Map.of("labels", names, "values", errors, "name", messages.getMessage("forecast.mae", null, locale)));
    }

    static ForecastCategory category(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return ForecastCategory.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "category",
                    "problem.field.one-of",
                    "category is CLOSED, COMMIT, BEST_CASE, PIPELINE or OMITTED",
                    "CLOSED, COMMIT, BEST_CASE, PIPELINE, OMITTED");
        }
    }
}
