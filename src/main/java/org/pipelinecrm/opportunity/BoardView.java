package org.pipelinecrm.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pipelinecrm.shared.TenantOwned;

/** A board view one person saved: a name for a pipeline and its filters. */
@Entity
class BoardView extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private long userId;
    private String name;
    private long pipelineId;
    private Long ownerId;
    private Long teamId;
    private boolean mine;
    private String search;
    /** The custom field filters as a query string (cf.region=EMEA&cf.seats.gte=10), empty for none. */
    private String customFilters = "";

    private Instant createdAt;

    protected BoardView() {}

    BoardView(long userId, String name, Instant createdAt) {
        this.userId = userId;
        this.name = name;
        this.createdAt = createdAt;
    }

    /** The filters this view applies; saving a name again replaces them. */
    void show(long pipelineId, Long ownerId, Long teamId, boolean mine, String search, Map<String, String> fields) {
        StringBuilder filters = new StringBuilder();
        fields.forEach((name, value) -> filters.append(filters.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        this.customFilters = filters.toString();
        this.pipelineId = pipelineId;
        this.ownerId = mine ? null : ownerId;
        this.teamId = teamId;
        this.mine = mine;
        this.search = search;
    }

    BoardViews.SavedView toView() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (customFilters != null && !customFilters.isEmpty()) {
            for (String pair : customFilters.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new BoardViews.SavedView(id, name, pipelineId, ownerId, teamId, mine, search, fields);
    }

    long getUserId() {
        return userId;
    }
}
