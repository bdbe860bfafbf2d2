package org.pipelinecrm.forecast;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.TeamSummary;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.Targets;
import org.pipelinecrm.pipeline.ForecastCategory;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.winmodel.WinModels;
import org.pipelinecrm.winmodel.WinProbabilities;
import org.pipelinecrm.winmodel.WinProbability;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forecast of a period for a rep, a team or the workspace, the calls people submit for it, and how past calls
 * compared with what closed. Managers and admins see every scope; a rep sees their own (and asks for no other).
 * Every command names the person it is done for ({@link Actor}, resolved at the web edge).
 */
@Service
@Validated
public class Forecasts {

    private final ForecastFigures figures;
    private final ForecastSubmissionRepository submissions;
    private final People people;
    private final Targets targets;
    private final FiscalYears fiscalYears;
    private final JsonMapper json;
    private final WinProbabilities winProbabilities;
    private final WinModels winModels;

    Forecasts(
            ForecastFigures figures,
            ForecastSubmissionRepository submissions,
            People people,
            Targets targets,
            FiscalYears fiscalYears,
            JsonMapper json,
            WinProbabilities winProbabilities,
            WinModels winModels) {
        this.figures = figures;
        this.submissions = submissions;
        this.people = people;
        this.targets = targets;
        this.fiscalYears = fiscalYears;
        this.json = json;
        this.winProbabilities = winProbabilities;
        this.winModels = winModels;
    }

    /** The figures, target and calls of the scope (a rep without filters: their own). */
    @Transactional(readOnly = true)
    public Forecast forecast(LocalDate start, LocalDate end, Long teamId, Long ownerId, Actor by) {
        checkPeriod(start, end);
        Scope who = scope(teamId, ownerId, by);
        ForecastFigures.Scope scope = new ForecastFigures.Scope(start, end, zone(), who.teamId(), who.ownerId());
        Figures f = figures.of(scope);
        ModelWeighted model = modelWeighted(scope);
        List<SubmissionView> calls = latestCalls(start, end, who);
        BigDecimal rolledUp = calls.stream()
                .filter(c -> c.teamId() == null)
                .map(SubmissionView::amount)
                .reduce(BigDecimal::add)
                .orElse(null);
        return new Forecast(
                start,
                end,
                who.teamId(),
                who.ownerId(),
                f.closed(),
                f.commit(),
                f.bestCase(),
                f.pipeline(),
                f.stageWeighted(),
                targets.targetOf(start, end, who.teamId(), who.ownerId()),
                rolledUp,
                calls,
                model.total(),
                model.source());
    }

    /**
     * The open deals expected in the period weighted by their win probability (the workspace's model, or the stage
     * probability where it has none), by owner and in all, and which of the two it is.
     */
    private ModelWeighted modelWeighted(ForecastFigures.Scope scope) {
        List<ForecastFigures.OpenDeal> open = figures.open(scope);
        Map<Long, WinProbability> p = winProbabilities.of(
                open.stream().map(ForecastFigures.OpenDeal::id).toList());
        Map<Long, BigDecimal> byOwner = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ForecastFigures.OpenDeal d : open) {
            WinProbability w = p.get(d.id());
            if (w == null || d.amount() == null) {
                continue;
            }
            BigDecimal points = d.amount().multiply(BigDecimal.valueOf(w.value()));
            byOwner.merge(d.ownerId(), points, BigDecimal::add);
            total = total.add(points);
        }
        Map<Long, BigDecimal> rounded = new HashMap<>();
        byOwner.forEach((owner, sum) -> rounded.put(owner, percentOf(sum)));
        return new ModelWeighted(
                rounded,
                percentOf(total),
                winModels.view().usable() ? WinProbability.Source.MODEL : WinProbability.Source.STAGE);
    }

    private static BigDecimal percentOf(BigDecimal sum) {
        return sum.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private record ModelWeighted(Map<Long, BigDecimal> byOwner, BigDecimal total, WinProbability.Source source) {

        BigDecimal of(long owner) {
            return byOwner.getOrDefault(owner, BigDecimal.ZERO.setScale(2));
        }
    }

    /**
     * One row of the forecast page: a rep's or a team's figures with their target and latest call, and the open
     * deals expected in the period weighted by win probability ({@code modelWeighted}, from the model or, where
     * {@code modelWeightedSource} is {@code STAGE}, the stage probability).
     */
    public record Row(
            Long teamId,
            Long ownerId,
            String name,
            Figures figures,
            BigDecimal target,
            SubmissionView call,
            BigDecimal modelWeighted,
            WinProbability.Source modelWeightedSource) {}

    /** The page's rows for a manager: the workspace, each team, each rep (by team); a rep gets their own only. */
    @Transactional(readOnly = true)
    public List<Row> rows(LocalDate start, LocalDate end, Actor me) {
        checkPeriod(start, end);
        ForecastFigures.Scope all = new ForecastFigures.Scope(start, end, zone(), null, null);
        Map<Long, ForecastFigures.OwnerFigures> byOwner = figures.byOwner(all);
        ModelWeighted model = modelWeighted(
                me.seesWholeWorkspace() ? all : new ForecastFigures.Scope(start, end, zone(), null, me.id()));
        List<SubmissionView> calls = latestCalls(start, end, new Scope(null, null));
        Map<Long, UserSummary> users = people.users().stream()
                .collect(Collectors.toMap(UserSummary::id, u -> u, (a, b) -> a, LinkedHashMap::new));
        List<Row> rows = new ArrayList<>();
        if (!me.seesWholeWorkspace()) {
            rows.add(personRow(users.get(me.id()), me.id(), byOwner, calls, start, end, model));
            return rows;
        }
        rows.add(new Row(
                null,
                null,
                null,
                byOwner.values().stream()
                        .map(ForecastFigures.OwnerFigures::figures)
                        .reduce(Figures.NONE, Figures::plus),
                targets.targetOf(start, end, null, null),
                null,
                model.total(),
                model.source()));
        for (TeamSummary team : people.teams()) {
            Figures sum = byOwner.values().stream()
                    .filter(o -> team.id() == (users.containsKey(o.ownerId()) ? teamOf(users, o.ownerId()) : -1L))
                    .map(ForecastFigures.OwnerFigures::figures)
                    .reduce(Figures.NONE, Figures::plus);
            SubmissionView teamCall = calls.stream()
                    .filter(c -> Objects.equals(c.teamId(), team.id()))
                    .findFirst()
                    .orElse(null);
            BigDecimal teamModel = model.byOwner().entrySet().stream()
                    .filter(e -> team.id() == (users.containsKey(e.getKey()) ? teamOf(users, e.getKey()) : -1L))
                    .map(Map.Entry::getValue)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            rows.add(new Row(
                    team.id(),
                    null,
                    team.name(),
                    sum,
                    targets.targetOf(start, end, team.id(), null),
                    teamCall,
                    teamModel,
                    model.source()));
            for (UserSummary u : users.values()) {
                if (Objects.equals(u.teamId(), team.id()) && counts(u, byOwner, calls)) {
                    rows.add(personRow(u, u.id(), byOwner, calls, start, end, model));
                }
            }
        }
        for (UserSummary u : users.values()) {
            if (u.teamId() == null && counts(u, byOwner, calls)) {
                rows.add(personRow(u, u.id(), byOwner, calls, start, end, model));
            }
        }
        return rows;
    }

    private static long teamOf(Map<Long, UserSummary> users, long id) {
        Long team = users.get(id).teamId();
        return team == null ? -1L : team;
    }

    private static boolean counts(
            UserSummary u, Map<Long, ForecastFigures.OwnerFigures> byOwner, List<SubmissionView> calls) {
        return byOwner.containsKey(u.id())
                || (u.active() && !u.former() && u.role() == Role.SALES_REP)
                || calls.stream().anyMatch(c -> c.teamId() == null && c.submittedBy() == u.id());
    }

    private Row personRow(
            UserSummary u,
            long id,
            Map<Long, ForecastFigures.OwnerFigures> byOwner,
            List<SubmissionView> calls,
            LocalDate start,
            LocalDate end,
            ModelWeighted model) {
        ForecastFigures.OwnerFigures f = byOwner.get(id);
        SubmissionView call = calls.stream()
                .filter(c -> c.teamId() == null && c.submittedBy() == id)
                .findFirst()
                .orElse(null);
        return new Row(
                u == null ? null : u.teamId(),
                id,
                u == null ? "" : u.name(),
                f == null ? Figures.NONE : f.figures(),
                targets.targetOf(start, end, null, id),
                call,
                model.of(id),
                model.source());
    }

    /** The deals behind a figure of the scope; {@code category} null: every deal that counts. */
    @Transactional(readOnly = true)
    public List<ForecastDeal> deals(
            LocalDate start, LocalDate end, Long teamId, Long ownerId, ForecastCategory category, Actor by) {
        checkPeriod(start, end);
        Scope who = scope(teamId, ownerId, by);
        return figures.deals(new ForecastFigures.Scope(start, end, zone(), who.teamId(), who.ownerId()), category);
    }

    /**
     * Submits the call of the person it is done for for the period: their own (no team), or a team's they manage. The amount
     * defaults to closed + commit of that scope now; the figures and deals are kept as they stand.
     */
    @Transactional
    public SubmissionView submit(@Valid SubmitCmd cmd, Actor me) {
        checkPeriod(cmd.periodStart(), cmd.periodEnd());
        if (me.is(Role.MARKETER)) {
            throw new AccessDeniedException("Marketers do not forecast");
        }
        TeamSummary team = null;
        if (cmd.teamId() != null) {
            team = people.team(cmd.teamId()); // another workspace's team: 404
            boolean manages = me.is(Role.ADMIN) || (me.is(Role.MANAGER) && Objects.equals(me.teamId(), team.id()));
            if (!manages) {
                throw new NotTeamManagerException(team.id());
            }
        }
        ZoneId zone = zone();
        ForecastFigures.Scope scope = new ForecastFigures.Scope(
                cmd.periodStart(), cmd.periodEnd(), zone, cmd.teamId(), cmd.teamId() == null ? me.id() : null);
        Figures now = figures.of(scope);
        List<ForecastDeal> deals = figures.deals(scope, null);
        Instant at = Instant.now();
        LocalDate week = LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String note =
                cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().trim();
        ForecastSubmission saved = submissions.save(new ForecastSubmission(
                cmd.periodStart(),
                cmd.periodEnd(),
                me.id(),
                cmd.teamId(),
                week,
                cmd.amount() != null ? cmd.amount() : now.closedPlusCommit(),
                note,
                now,
                json.writeValueAsString(deals),
                at));
        return saved.toView(people.user(me.id()).name(), team == null ? null : team.name());
    }

    /** What a call is made of: the period, the amount (null: closed + commit), a note, and the team (null: own). */
    public record SubmitCmd(
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd,

            @DecimalMin("0") @Digits(integer = 16, fraction = 2)
            BigDecimal amount,

            @Size(max = 2000) String note,
            Long teamId) {}

    /** Every call in the scope whose period lies within {@code from}–{@code to}, newest first (superseded too). */
    @Transactional(readOnly = true)
    public List<SubmissionView> submissions(LocalDate from, LocalDate to, Long teamId, Long ownerId, Actor by) {
        checkPeriod(from, to);
        Scope who = scope(teamId, ownerId, by);
        return named(
                submissions
                        .findAllByPeriodStartGreaterThanEqualAndPeriodEndLessThanEqualOrderBySubmittedAtDescIdDesc(
                                from, to)
                        .stream()
                        .filter(s -> in(who, s))
                        .toList());
    }

    /** The deals a submission kept, as they stood when it was made. */
    @Transactional(readOnly = true)
    public List<ForecastDeal> submittedDeals(long submissionId, Actor by) {
        ForecastSubmission s = submissions
                .findById(submissionId)
                .filter(x -> in(scope(null, null, by), x))
                .orElseThrow(() -> new org.pipelinecrm.shared.NotFoundException("ForecastSubmission", submissionId));
        return List.of(json.readValue(s.deals(), ForecastDeal[].class));
    }

    /**
     * For every past period within {@code from}–{@code to}: each caller's last call submitted before the period
     * ended, against what the caller's scope won in it.
     */
    @Transactional(readOnly = true)
    public Accuracy accuracy(LocalDate from, LocalDate to, Long teamId, Long ownerId, Actor by) {
        checkPeriod(from, to);
        Scope who = scope(teamId, ownerId, by);
        ZoneId zone = zone();
        LocalDate today = LocalDate.now(zone);
        Map<String, ForecastSubmission> last = new LinkedHashMap<>();
        for (ForecastSubmission s :
                submissions.findAllByPeriodStartGreaterThanEqualAndPeriodEndLessThanEqualOrderBySubmittedAtDescIdDesc(
                        from, to)) {
            Instant ended = s.periodEnd().plusDays(1).atStartOfDay(zone).toInstant();
            if (!s.periodEnd().isBefore(today) || !s.submittedAt().isBefore(ended) || !in(who, s)) {
                continue;
            }
            // newest first: the first seen per caller and period is the last one before the period ended
            last.putIfAbsent(callerKey(s) + "@" + s.periodStart() + "/" + s.periodEnd(), s);
        }
        Map<Long, String> names = people.userNames();
        Map<Long, TeamSummary> teams = people.teamsById();
        List<Accuracy.PeriodCall> periods = new ArrayList<>();
        for (ForecastSubmission s : last.values()) {
            BigDecimal actual = figures.of(new ForecastFigures.Scope(
                            s.periodStart(),
                            s.periodEnd(),
                            zone,
                            s.teamId(),
                            s.teamId() == null ? s.submittedBy() : null))
                    .closed();
            periods.add(new Accuracy.PeriodCall(
                    s.periodStart(),
                    s.periodEnd(),
                    s.submittedBy(),
                    names.get(s.submittedBy()),
                    s.teamId(),
                    s.teamId() == null ? null : teams.get(s.teamId()).name(),
                    s.amount(),
                    actual,
                    s.amount().subtract(actual)));
        }
        periods.sort(Comparator.comparing(Accuracy.PeriodCall::periodStart)
                .thenComparing(p -> p.teamId() == null ? 1 : 0)
                .thenComparing(p -> p.teamId() != null ? p.teamName() : p.submittedByName()));
        Map<String, List<Accuracy.PeriodCall>> byCaller = periods.stream()
                .collect(Collectors.groupingBy(
                        p -> p.teamId() != null ? "team:" + p.teamId() : "person:" + p.submittedBy(),
                        LinkedHashMap::new,
                        Collectors.toList()));
        List<Accuracy.Caller> callers = new ArrayList<>();
        byCaller.forEach((key, calls) -> {
            Accuracy.PeriodCall first = calls.get(0);
            BigDecimal absolute = calls.stream().map(p -> p.error().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal won = calls.stream().map(Accuracy.PeriodCall::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal n = BigDecimal.valueOf(calls.size());
            callers.add(new Accuracy.Caller(
                    key,
                    first.teamId() != null ? first.teamName() : first.submittedByName(),
                    first.teamId() == null ? first.submittedBy() : null,
                    first.teamId(),
                    calls.size(),
                    absolute.divide(n, 2, java.math.RoundingMode.HALF_UP),
                    won.signum() == 0
                            ? null
                            : absolute.multiply(BigDecimal.valueOf(100))
                                    .divide(won, 1, java.math.RoundingMode.HALF_UP)));
        });
        return new Accuracy(periods, callers);
    }

    private static String callerKey(ForecastSubmission s) {
        return s.teamId() != null ? "team:" + s.teamId() : "person:" + s.submittedBy();
    }

    /** The scope asked for, as the person it is done for may see it. */
    private record Scope(Long teamId, Long ownerId) {}

    private Scope scope(Long teamId, Long ownerId, Actor me) {
        if (teamId != null) {
            people.team(teamId); // 404 for a team that is not here
        }
        if (ownerId != null) {
            people.user(ownerId);
        }
        if (me.seesWholeWorkspace()) {
            return new Scope(teamId, ownerId);
        }
        if ((ownerId != null && ownerId != me.id()) || (teamId != null && !teamId.equals(me.teamId()))) {
            throw new AccessDeniedException("A rep sees their own forecast");
        }
        return new Scope(null, me.id());
    }

    /** Whether a submission belongs to the scope: a team's call and its members' own calls, or one person's own. */
    private boolean in(Scope who, ForecastSubmission s) {
        if (who.ownerId() != null) {
            return s.teamId() == null && s.submittedBy() == who.ownerId();
        }
        if (who.teamId() != null) {
            if (who.teamId().equals(s.teamId())) {
                return true;
            }
            return s.teamId() == null && members(who.teamId()).contains(s.submittedBy());
        }
        return true;
    }

    private Set<Long> members(long teamId) {
        return people.users().stream()
                .filter(u -> Objects.equals(u.teamId(), teamId))
                .map(UserSummary::id)
                .collect(Collectors.toSet());
    }

    /** The latest call per person (own) and per team in the scope for exactly this period. */
    private List<SubmissionView> latestCalls(LocalDate start, LocalDate end, Scope who) {
        Map<String, ForecastSubmission> latest = new LinkedHashMap<>();
        for (ForecastSubmission s :
                submissions.findAllByPeriodStartAndPeriodEndOrderBySubmittedAtDescIdDesc(start, end)) {
            if (in(who, s)) {
                latest.putIfAbsent(callerKey(s), s);
            }
        }
        return named(List.copyOf(latest.values()));
    }

    private List<SubmissionView> named(List<ForecastSubmission> list) {
        Map<Long, String> names = people.userNames();
        Map<Long, TeamSummary> teams = people.teamsById();
        return list.stream()
                .map(s -> s.toView(
                        names.get(s.submittedBy()),
                        s.teamId() == null || !teams.containsKey(s.teamId())
                                ? null
                                : teams.get(s.teamId()).name()))
                .toList();
    }

    private ZoneId zone() {
        return fiscalYears.zone();
    }

    static void checkPeriod(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            throw new InvalidInputException(
                    start == null ? "periodStart" : "periodEnd",
                    "problem.field.required",
                    "periodStart and periodEnd are both needed");
        }
        if (end.isBefore(start)) {
            throw new InvalidInputException(
                    "periodEnd", "problem.field.end-before-start", "periodEnd is before periodStart");
        }
        if (end.toEpochDay() - start.toEpochDay() > 3660) {
            throw new InvalidInputException(
                    "periodEnd", "problem.field.period-too-long", "A period is at most ten years long");
        }
    }
}
