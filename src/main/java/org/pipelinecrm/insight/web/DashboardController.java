package org.pipelinecrm.insight.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.pipelinecrm.winmodel.WinProbabilities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The dashboard. The filters chosen last are kept in the session, so coming back shows the same view; filters
 * that do not make sense (not a number, a day that does not exist) are read as "all", as an empty form is.
 */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

    private static final String REMEMBERED = "dashboard.filters";
    private static final int STALLED_SHOWN = 200;

    private final DashboardPage page;
    private final WinProbabilities winProbabilities;

    DashboardController(DashboardPage page, WinProbabilities winProbabilities) {
        this.page = page;
        this.winProbabilities = winProbabilities;
    }

    @GetMapping
    String dashboard(@Valid DashboardFilter filter, BindingResult errors, HttpSession session, Model model) {
        DashboardFilter asked = usable(filter, errors);
        if (filter != null
                && filter.period() == null
                && session.getAttribute(REMEMBERED) instanceof DashboardFilter kept) {
            asked = kept;
        }
        DashboardView view = page.view(asked);
        session.setAttribute(REMEMBERED, view.filters());
        model.addAllAttributes(view.attributes());
        // open deals weighted by their win probability, beside the stage-weighted forecast
        model.addAttribute(
                "winForecast",
                winProbabilities.weightedOpenAmount(
                        view.filters().pipelineId(),
                        view.report().ownerId(),
                        view.report().teamId()));
        return "insight/dashboard";
    }

    @GetMapping("/stalled")
    String stalled(@Valid DashboardFilter filter, BindingResult errors, Model model) {
        DashboardPage.Stalled stalled = page.stalled(usable(filter, errors), STALLED_SHOWN + 1);
        model.addAttribute("deals", stalled.deals());
        model.addAttribute("shown", STALLED_SHOWN);
        model.addAttribute("owners", stalled.owners());
        return "insight/stalled";
    }

    private static DashboardFilter usable(DashboardFilter filter, BindingResult errors) {
        return filter == null || errors.hasErrors() ? DashboardFilter.NONE : filter;
    }
}
