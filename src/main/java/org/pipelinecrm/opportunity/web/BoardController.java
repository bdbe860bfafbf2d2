package org.pipelinecrm.opportunity.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.customfield.CustomFieldFilter;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.opportunity.Board;
import org.pipelinecrm.opportunity.BoardColumn;
import org.pipelinecrm.opportunity.BoardFilter;
import org.pipelinecrm.opportunity.BoardViews;
import org.pipelinecrm.opportunity.DealList;
import org.pipelinecrm.opportunity.DealMoves;
import org.pipelinecrm.opportunity.DealStageHistory;
import org.pipelinecrm.opportunity.OpportunityView;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.web.Formats;
import org.pipelinecrm.tenant.WorkspaceSettings;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Kanban board: the page, "load more" pages of a column, and moves from drag and drop or the card menu. */
@Controller
class BoardController {

    private static final String FILTER_COOKIE = "board_filter_";

    private final Board board;
    private final Pipelines pipelines;
    private final DealMoves moves;
    private final People people;
    private final Workspaces workspaces;
    private final Formats formats;
    private final MoveAnswers answers;
    private final BoardViews views;
    private final DealList list;
    private final CustomFields customFields;

    BoardController(
            Board board,
            BoardViews views,
            DealList list,
            Pipelines pipelines,
            DealMoves moves,
            People people,
            Workspaces workspaces,
            Formats formats,
            MessageSource messages,
            DealStageHistory history,
            org.pipelinecrm.shared.web.Problems problems,
            CustomFields customFields) {
        this.customFields = customFields;
        this.board = board;
        this.views = views;
        this.list = list;
        this.pipelines = pipelines;
        this.moves = moves;
        this.people = people;
        this.workspaces = workspaces;
        this.formats = formats;
        this.answers = new MoveAnswers(history, messages, formats, workspaces, problems);
    }

    @GetMapping("/pipeline")
    String board(
            @RequestParam Map<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var columns = show(params, request, response, model, true);
        model.addAttribute("columns", columns);
        boolean empty = columns.stream().allMatch(c -> c.count() == 0);
        model.addAttribute("empty", empty);
        return "opportunity/board";
    }

    /** The same deals as a list: sorted by a column, a page at a time, with the totals of all of them. */
    @GetMapping("/pipeline/list")
    String list(
            @RequestParam Map<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        show(params, request, response, model, false);
        BoardFilter filter = (BoardFilter) model.getAttribute("filter");
        DealList.Sort sort = DealList.Sort.of(params.get("sort"));
        // by default the newest in their stage first, as on the board
        boolean ascending = params.containsKey("direction")
                ? !"desc".equalsIgnoreCase(params.get("direction"))
                : sort != DealList.Sort.IN_STAGE_SINCE;
        Long page = longParam(params, "page");
        DealList.Page rows = list.page(filter, sort, ascending, page == null ? 0 : (int) Math.min(page, 1_000_000));
        model.addAttribute("list", rows);
        model.addAttribute("sort", sort.param());
        model.addAttribute("ascending", ascending);
        model.addAttribute("empty", rows.count() == 0);
        return "opportunity/board-list";
    }

    /** Saves the filters shown now as one of my views, under the name given (a name used already is replaced). */
    @PostMapping("/pipeline/views")
    String saveView(
            @RequestParam(required = false) String name,
            @RequestParam long pipelineId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) boolean mine,
            @RequestParam(required = false) String q,
            @RequestParam Map<String, String> params,
            RedirectAttributes flash) {
        BoardViews.SaveCmd cmd =
                new BoardViews.SaveCmd(name, pipelineId, ownerId, teamId, mine, q, fieldParams(params));
        if (name == null || name.isBlank() || name.trim().length() > 60 || (q != null && q.length() > 200)) {
            flash.addFlashAttribute("problem", "board.view.nameRequired");
            return "redirect:/pipeline?"
                    + new BoardViews.SavedView(0, "", pipelineId, ownerId, teamId, mine, blank(q)).query();
        }
        try {
            BoardViews.SavedView saved = views.save(cmd);
            flash.addFlashAttribute("saved", "board.view.saved");
            return "redirect:/pipeline?" + saved.query();
        } catch (org.pipelinecrm.shared.InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessageKey());
            return "redirect:/pipeline";
        }
    }

    @PostMapping("/pipeline/views/{id}/delete")
    String deleteView(@PathVariable long id, RedirectAttributes flash) {
        BoardViews.SavedView gone = views.delete(id);
        flash.addFlashAttribute("saved", "board.view.deleted");
        return "redirect:/pipeline?" + gone.query();
    }

    /** The pipeline, filter and saved views a board or list page shows; the deals are left to the page. */
    private List<BoardColumn> show(
            Map<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            boolean withColumns) {
        CrmUser me = CurrentUser.get();
        // No filter in the address: the filter this person used last (remembered per person in a cookie).
        if (params.isEmpty()) {
            params = rememberedFilter(request, me);
        } else {
            Cookie cookie = new Cookie(
                    FILTER_COOKIE + me.id(),
                    URLEncoder.encode(
                            request.getQueryString() == null ? "" : request.getQueryString(), StandardCharsets.UTF_8));
            cookie.setPath("/pipeline");
            cookie.setHttpOnly(true);
            cookie.setMaxAge(60 * 60 * 24 * 365);
            response.addCookie(cookie);
        }
        List<PipelineView> visible = pipelines.visible();
        if (visible.isEmpty()) {
            throw new NotFoundException("Pipeline", "any");
        }
        Long wanted = longParam(params, "pipelineId");
        PipelineView pipeline = visible.stream()
                .filter(p -> wanted != null && p.id() == wanted)
                .findFirst()
                .orElse(visible.get(0));
        boolean mine = "true".equals(params.get("mine"));
        Map<String, String> cf = fieldParams(params);
        CustomFieldFilter fields;
        try {
            fields = customFields.filter(RecordKind.OPPORTUNITY, cf);
        } catch (InvalidInputException e) {
            // a remembered filter may name a field retired since, or a value no longer an option: show all
            cf = Map.of();
            fields = CustomFieldFilter.none();
            model.addAttribute("fieldFilterProblem", true);
        }
        BoardFilter filter = filter(
                pipeline.id(),
                mine ? Long.valueOf(me.id()) : longParam(params, "ownerId"),
                longParam(params, "teamId"),
                params.get("q"),
                fields);
        model.addAttribute("pipelines", visible);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("filter", filter);
        model.addAttribute("mine", mine);
        model.addAttribute("cfFields", customFields.filterable(RecordKind.OPPORTUNITY));
        model.addAttribute("cfParams", cf);
        model.addAttribute("filterQuery", filterQuery(filter, cf));
        model.addAttribute(
                "filtered",
                mine || filter.ownerId() != null || filter.teamId() != null || filter.text() != null || !cf.isEmpty());
        List<BoardViews.SavedView> saved = views.mine();
        String shown = new BoardViews.SavedView(
                        0, "", pipeline.id(), filter.ownerId(), filter.teamId(), mine, filter.text(), cf)
                .query();
        model.addAttribute("views", saved);
        model.addAttribute(
                "currentView",
                saved.stream().filter(v -> v.query().equals(shown)).findFirst().orElse(null));
        model.addAttribute("users", people.users());
        model.addAttribute("teams", people.teams());
        model.addAttribute("lostReasons", pipelines.reasons(StageKind.LOST));
        model.addAttribute("wonStage", pipeline.closingStage(StageKind.WON).orElse(null));
        model.addAttribute("lostStage", pipeline.closingStage(StageKind.LOST).orElse(null));
        return withColumns ? board.columns(filter, 20) : List.of();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The next cards of one column, for htmx's "load more". */
    @GetMapping("/pipeline/cards")
    String cards(
            @RequestParam long pipelineId,
            @RequestParam long stageId,
            @RequestParam String cursor,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String q,
            @RequestParam Map<String, String> params,
            Model model) {
        Map<String, String> cf = fieldParams(params);
        BoardFilter filter = filter(pipelineId, ownerId, teamId, q, customFields.filter(RecordKind.OPPORTUNITY, cf));
        model.addAttribute("col", board.page(filter, stageId, cursor, 20));
        model.addAttribute("pipeline", pipelines.pipeline(pipelineId));
        model.addAttribute("filterQuery", filterQuery(filter, cf));
        model.addAttribute("wonStage", null);
        return "opportunity/board-cards :: cards";
    }

    @PostMapping("/pipeline/deals/{id}/move")
    @ResponseBody
    ResponseEntity<Map<String, Object>> move(
            @PathVariable long id,
            @RequestParam long stageId,
            @RequestParam long version,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note) {
        return answers.answer(id, () -> moves.move(id, stageId, version, reason, note), this::totals);
    }

    /** Dropping on "won" confirms the final amount and close date. */
    @PostMapping("/pipeline/deals/{id}/win")
    @ResponseBody
    ResponseEntity<Map<String, Object>> win(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) LocalDate closeDate) {
        return answers.answer(
                id,
                () -> moves.close(id, new DealMoves.CloseCmd(StageKind.WON, null, null, version, amount, closeDate)),
                this::totals);
    }

    /** The board's "Undo" of a win or loss: the deal reopens into the stage it left, recorded like any move. */
    @PostMapping("/pipeline/deals/{id}/reopen")
    @ResponseBody
    ResponseEntity<Map<String, Object>> reopen(@PathVariable long id, @RequestParam long version) {
        return answers.answer(id, () -> moves.reopen(id, version), this::totals);
    }

    /** Fresh header figures of every column after a move, formatted for the reader. */
    private Map<String, Object> totals(OpportunityView moved) {
        WorkspaceSettings workspace = workspaces.current();
        String currency = workspace.currency().name();
        Map<String, Object> columns = new LinkedHashMap<>();
        var totals = board.totals(new BoardFilter(moved.pipelineId(), null, null, null));
        for (var stage : pipelines.pipeline(moved.pipelineId()).openStages()) {
            var t = totals.get(stage.id());
            columns.put(
                    String.valueOf(stage.id()),
                    Map.of(
                            "count", formats.number(t == null ? 0 : t.count()),
                            "amount", formats.money(t == null ? BigDecimal.ZERO : t.amount(), currency),
                            "weighted", formats.money(t == null ? BigDecimal.ZERO : t.weightedAmount(), currency)));
        }
        return columns;
    }

    private static BoardFilter filter(long pipelineId, Long ownerId, Long teamId, String q, CustomFieldFilter fields) {
        return new BoardFilter(pipelineId, ownerId, teamId, q == null || q.isBlank() ? null : q.trim(), fields);
    }

    /** The custom field filters among the parameters ({@code cf.KEY}, {@code cf.KEY.gte}, ...), blank ones left out. */
    private static Map<String, String> fieldParams(Map<String, String> params) {
        Map<String, String> cf = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(CustomFieldFilter.PREFIX) && value != null && !value.isBlank()) {
                cf.put(name, value.trim());
            }
        });
        return cf;
    }

    private static String filterQuery(BoardFilter f, Map<String, String> cf) {
        StringBuilder query = new StringBuilder("pipelineId=" + f.pipelineId());
        if (f.ownerId() != null) {
            query.append("&ownerId=").append(f.ownerId());
        }
        if (f.teamId() != null) {
            query.append("&teamId=").append(f.teamId());
        }
        if (f.text() != null) {
            query.append("&q=").append(URLEncoder.encode(f.text(), StandardCharsets.UTF_8));
        }
        cf.forEach((name, value) -> query.append('&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static Map<String, String> rememberedFilter(HttpServletRequest request, CrmUser me) {
        Map<String, String> params = new LinkedHashMap<>();
        if (request.getCookies() == null) {
            return params;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(FILTER_COOKIE + me.id())) {
                for (String pair : URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8)
                        .split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2) {
                        params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return params;
    }

    private static Long longParam(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
