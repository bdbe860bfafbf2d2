package org.pipelinecrm.forecast.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.pipelinecrm.forecast.Accuracy;
import org.pipelinecrm.forecast.Forecast;
import org.pipelinecrm.forecast.ForecastDeal;
import org.pipelinecrm.forecast.Forecasts;
import org.pipelinecrm.forecast.NotTeamManagerException;
import org.pipelinecrm.forecast.SubmissionView;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The forecast of a period, the calls submitted for it, and their accuracy, in the public API. */
@RestController
@RequestMapping("/api/v1/forecast")
class ForecastApi {

    private final Forecasts forecasts;
    private final Problems problems;

    ForecastApi(Forecasts forecasts, Problems problems) {
        this.forecasts = forecasts;
        this.problems = problems;
    }

    @GetMapping
    Forecast forecast(
            @RequestParam LocalDate periodStart,
            @RequestParam LocalDate periodEnd,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId,
            Actor me) {
        return forecasts.forecast(periodStart, periodEnd, teamId, ownerId, me);
    }

    @GetMapping("/deals")
    List<ForecastDeal> deals(
            @RequestParam LocalDate periodStart,
            @RequestParam LocalDate periodEnd,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) String category,
            Actor me) {
        return forecasts.deals(periodStart, periodEnd, teamId, ownerId, ForecastPage.category(category), me);
    }

    @PostMapping("/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    SubmissionView submit(@Valid @RequestBody Forecasts.SubmitCmd cmd, Actor me) {
        return forecasts.submit(cmd, me);
    }

    @GetMapping("/submissions")
    List<SubmissionView> submissions(
            @RequestParam LocalDate periodStart,
            @RequestParam LocalDate periodEnd,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId,
            Actor me) {
        return forecasts.submissions(periodStart, periodEnd, teamId, ownerId, me);
    }

    @GetMapping("/submissions/{id}/deals")
    List<ForecastDeal> submittedDeals(@PathVariable long id, Actor me) {
        return forecasts.submittedDeals(id, me);
    }

    @GetMapping("/accuracy")
    Accuracy accuracy(
            @RequestParam LocalDate periodStart,
            @RequestParam LocalDate periodEnd,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId,
            Actor me) {
        return forecasts.accuracy(periodStart, periodEnd, teamId, ownerId, me);
    }

    @ExceptionHandler(NotTeamManagerException.class)
    ResponseEntity<ProblemDetail> notTeamManager(NotTeamManagerException e) {
        return problems.answer(problems.problem(HttpStatus.FORBIDDEN, "forecast-not-team-manager"));
    }
}
