package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The board as a list: sorted by the column asked for, in pages, with the totals of every matching deal. */
@IntegrationTest
class DealListTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    org.pipelinecrm.identity.UserLookup users;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealMoves moves;

    @Autowired
    Pipelines pipelines;

    TestWorkspaces.Workspace ws;
    PipelineView pipeline;

    @BeforeEach
    void threeOpenDealsAndAWonOne() {
        ws = workspaces.create();
        pipeline = workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        deal("Beta renewal", "300", LocalDate.of(2027, 3, 1));
        deal("Alpha rollout", "1200", LocalDate.of(2027, 1, 15));
        deal("Gamma pilot", "50", null);
        deal("Epsilon prospect", null, LocalDate.of(2027, 2, 1));
        long won = deal("Delta closed", "9000", null);
        workspaces.as(
                ws.adminEmail(),
                () -> moves.close(
                        won,
                        new DealMoves.CloseCmd(org.pipelinecrm.pipeline.StageKind.WON, null, null, null, null, null)));
    }

    /** Pages are for people signed in with a session, not API credentials. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor page(TestWorkspaces.Workspace w) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(w.adminEmail()));
    }

    private long deal(String name, String amount, LocalDate close) {
        return workspaces.as(
                ws.adminEmail(),
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                name,
                                null,
                                null,
                                pipeline.id(),
                                null,
                                amount == null ? null : new BigDecimal(amount),
                                close,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
    }

    private List<String> namesOnPage(String query) throws Exception {
        String html = mvc.perform(get("/pipeline/list?pipelineId=" + pipeline.id() + query)
                        .with(page(ws)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("class=\"fw-semibold\" href=\"/opportunities/\\d+\">([^<]+)</a>")
                .matcher(html);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theListSortsByTheColumnAskedForBothWays() throws Exception {
        // a deal without an amount comes last both ways
        assertThat(namesOnPage("&sort=amount&direction=desc"))
                .containsExactly("Alpha rollout", "Beta renewal", "Gamma pilot", "Epsilon prospect");
        assertThat(namesOnPage("&sort=amount&direction=asc"))
                .containsExactly("Gamma pilot", "Beta renewal", "Alpha rollout", "Epsilon prospect");
        assertThat(namesOnPage("&sort=name"))
                .containsExactly("Alpha rollout", "Beta renewal", "Epsilon prospect", "Gamma pilot");
        // no date comes last both ways
        assertThat(namesOnPage("&sort=close-date&direction=asc"))
                .containsExactly("Alpha rollout", "Epsilon prospect", "Beta renewal", "Gamma pilot");
        assertThat(namesOnPage("&sort=close-date&direction=desc"))
                .containsExactly("Beta renewal", "Epsilon prospect", "Alpha rollout", "Gamma pilot");
        // by default the newest in their stage first, as on the board
        assertThat(namesOnPage("")).containsExactly("Epsilon prospect", "Gamma pilot", "Alpha rollout", "Beta renewal");
    }

    @Test
    void theTotalsCountTheOpenDealsTheFilterShows() throws Exception {
        String html = mvc.perform(
                        get("/pipeline/list?pipelineId=" + pipeline.id()).with(page(ws)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("Open deals: 4").contains("$1,550.00");
        String filtered = mvc.perform(get("/pipeline/list?pipelineId=" + pipeline.id() + "&q=alpha")
                        .with(page(ws)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(filtered).contains("Open deals: 1").contains("$1,200.00").doesNotContain("Beta renewal");
        mvc.perform(get("/api/v1/opportunities/totals")
                        .param("pipelineId", "" + pipeline.id())
                        .with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(4))
                .andExpect(jsonPath("$.amount").value(1550.0));
    }

    @Test
    void anUnknownSortIsAFieldErrorNotAServerError() throws Exception {
        mvc.perform(get("/pipeline/list?pipelineId=" + pipeline.id() + "&sort=colour")
                        .with(page(ws)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/opportunities").param("sort", "colour").with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/v1/opportunities")
                        .param("sort", "amount")
                        .param("direction", "sideways")
                        .with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("direction"));
    }

    @Test
    void theApiSortsTooAndAnotherWorkspacesPipelineIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/opportunities")
                        .param("pipelineId", "" + pipeline.id())
                        .param("status", "OPEN")
                        .param("sort", "amount")
                        .param("direction", "desc")
                        .with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("Alpha rollout"))
                .andExpect(jsonPath("$.items[2].name").value("Gamma pilot"))
                .andExpect(jsonPath("$.items[3].name").value("Epsilon prospect"));
        var other = workspaces.create();
        mvc.perform(get("/api/v1/opportunities/totals")
                        .param("pipelineId", "" + pipeline.id())
                        .with(other.admin()))
                .andExpect(status().isNotFound());
    }
}
