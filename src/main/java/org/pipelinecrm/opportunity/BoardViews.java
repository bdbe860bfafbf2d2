package org.pipelinecrm.opportunity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.customfield.CustomFieldFilter;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Board views each person saves for themselves: a pipeline and its filters under a name, one click away on the
 * board. Nobody sees another person's views; an id that is not one of mine is not found.
 */
@Service
@Transactional(readOnly = true)
public class BoardViews {

    /** Enough for every pipeline and team a person works in; more would no longer be one click away. */
    public static final int MAX_PER_PERSON = 30;

    private final BoardViewRepository views;
    private final Pipelines pipelines;
    private final People people;

    private final CustomFields customFields;

    BoardViews(BoardViewRepository views, Pipelines pipelines, People people, CustomFields customFields) {
        this.customFields = customFields;
        this.views = views;
        this.pipelines = pipelines;
        this.people = people;
    }

    /** My saved views, by name. */
    public List<SavedView> mine() {
        return views.findByUserIdOrderByNameAscIdAsc(CurrentUser.get().id()).stream()
                .map(BoardView::toView)
                .toList();
    }

    /** Saves the view under its name; a name I used already gets the new filters. */
    @Transactional
    public SavedView save(SaveCmd cmd) {
        long me = CurrentUser.get().id();
        String name = cmd.name().trim();
        if (pipelines.visible().stream().noneMatch(p -> p.id() == cmd.pipelineId())) {
            throw new InvalidInputException("pipelineId", "board.view.unknownPipeline", "No such pipeline");
        }
        boolean mine = Boolean.TRUE.equals(cmd.mine());
        if (!mine && cmd.ownerId() != null && people.findUser(cmd.ownerId()).isEmpty()) {
            throw new InvalidInputException("ownerId", "board.view.unknownOwner", "No such person");
        }
        if (cmd.teamId() != null && !people.teamsById().containsKey(cmd.teamId())) {
            throw new InvalidInputException("teamId", "board.view.unknownTeam", "No such team");
        }
        BoardView view = views.findByUserIdAndNameIgnoreCase(me, name).orElse(null);
        if (view == null) {
            if (views.countByUserId(me) >= MAX_PER_PERSON) {
                throw new InvalidInputException(
                        "name", "board.view.tooMany", "Delete a view before saving another", MAX_PER_PERSON);
            }
            view = new BoardView(me, name, Instant.now());
        }
        String search = cmd.q() == null || cmd.q().isBlank() ? null : cmd.q().trim();
        Map<String, String> fields = fieldFilters(cmd.fields());
        customFields.filter(RecordKind.OPPORTUNITY, fields); // a key or value the field refuses is a field error
        view.show(cmd.pipelineId(), cmd.ownerId(), cmd.teamId(), mine, search, fields);
        return views.save(view).toView();
    }

    /** Deletes one of my views; anyone else's is not found. */
    @Transactional
    public SavedView delete(long id) {
        BoardView view = views.findByIdAndUserId(id, CurrentUser.get().id())
                .orElseThrow(() -> new NotFoundException("Board view", id));
        views.delete(view);
        return view.toView();
    }

    /** The custom field filters given ({@code cf.KEY}, {@code cf.KEY.gte}, {@code cf.KEY.lte}), blank ones left out. */
    static Map<String, String> fieldFilters(Map<String, String> given) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (given == null) {
            return fields;
        }
        given.forEach((name, value) -> {
            if (name == null || !name.startsWith(CustomFieldFilter.PREFIX)) {
                throw new InvalidInputException(
                        "fields", "board.view.fieldFilter", "Filters are named cf.KEY, cf.KEY.gte or cf.KEY.lte");
            }
            if (value != null && !value.isBlank()) {
                fields.put(name, value.trim());
            }
        });
        if (fields.size() > 20 || fields.values().stream().anyMatch(v -> v.length() > 200)) {
            throw new InvalidInputException("fields", "board.view.fieldFilter", "At most 20 filters of 200 characters");
        }
        return fields;
    }

    /** {@code fields}: the custom field filters of the view, {@code {"cf.region": "EMEA", "cf.seats.gte": "10"}}. */
    public record SaveCmd(
            @NotBlank @Size(max = 60) String name,
            @NotNull Long pipelineId,
            Long ownerId,
            Long teamId,
            Boolean mine,
            @Size(max = 200) String q,
            Map<String, String> fields) {

        public SaveCmd(String name, Long pipelineId, Long ownerId, Long teamId, Boolean mine, String q) {
            this(name, pipelineId, ownerId, teamId, mine, q, Map.of());
        }
    }

    /** A saved view as the board and the API show it. */
    public record SavedView(
            long id,
            String name,
            long pipelineId,
            Long ownerId,
            Long teamId,
            boolean mine,
            String q,
            Map<String, String> fields) {

        public SavedView {
            fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public SavedView(long id, String name, long pipelineId, Long ownerId, Long teamId, boolean mine, String q) {
            this(id, name, pipelineId, ownerId, teamId, mine, q, Map.of());
        }

        /** The board's address for this view. */
        public String query() {
            StringBuilder query = new StringBuilder("pipelineId=" + pipelineId);
            if (mine) {
                query.append("&mine=true");
            } else if (ownerId != null) {
                query.append("&ownerId=").append(ownerId);
            }
            if (teamId != null) {
                query.append("&teamId=").append(teamId);
            }
            if (q != null) {
                query.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
            }
            fields.forEach((name, value) -> query.append('&')
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return query.toString();
        }
    }
}
