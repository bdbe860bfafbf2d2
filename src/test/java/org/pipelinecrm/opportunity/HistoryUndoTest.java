package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A history (deals, then their stage changes) imported into a workspace that already had deals, then undone:
 * the dashboard and the board show exactly what they showed before. A stage change earlier than those a deal
 * has is placed in order; one before the deal opened is refused with its reason. An undo after someone changed
 * one of the imported deals leaves that deal, and its history, as they are and lists them.
 */
@IntegrationTest
class HistoryUndoTest {

    // the workspace's own deals before the history arrives; B-2 the history file updates
    static final String BEFORE = "Deal ID,Deal Name,Stage,Amount,Created,Closed\n"
            + "B-1,Earlier win,Closed won,1000,2025-01-02,2025-01-20\n"
            + "B-2,Earlier open,Proposal,500,2025-01-03,\n";
    static final String DEALS = "Deal ID,Deal Name,Stage,Amount,Created,Closed\n"
            + "H-1,Old win,Closed won,2000,2025-01-05,2025-02-10\n"
            + "H-2,Old loss,Closed lost,300,2025-01-06,2025-01-25\n"
            + "H-3,Old open,Proposal,800,2025-01-07,\n"
            + "B-2,Earlier open,Negotiation and commitment,650,2025-01-03,\n";
    static final String CHANGES = "Deal ID,Stage,Entered\n"
            + "H-1,Prospecting,2025-01-05\n"
            + "H-1,Proposal,2025-01-15\n"
            + "H-1,Closed won,2025-02-10\n"
            + "H-2,Prospecting,2025-01-06\n"
            + "H-2,Closed lost,2025-01-25\n"
            + "H-3,Prospecting,2025-01-07\n"
            + "H-3,Proposal,2025-01-20\n"
            // earlier than H-3's last change: placed between its two
            + "H-3,Lead qualification,2025-01-12\n"
            // a stage B-1 passed through before it was won, placed in its history
            + "B-1,Proposal,2025-01-10\n"
            // before B-2 opened: refused with the reason
            + "B-2,Prospecting,2025-01-01\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    OpportunityRepository deals;

    @Autowired
    TransactionTemplate tx;

    @Test
    void undoingAHistoryPutsTheDashboardAndTheBoardBackExactly() throws Exception {
        var ws = workspaces.create();
        upload(ws, "opportunities", BEFORE, Map.of());
        String metricsBefore = body(ws, "/api/v1/metrics?from=2025-01-01&to=2025-03-31");
        String totalsBefore = body(ws, "/api/v1/opportunities/totals");
        String b1Before = body(ws, "/api/v1/opportunities/" + id(ws, "B-1") + "/history");

        long dealsImport = upload(ws, "opportunities", DEALS, Map.of("stageHistory", "FILE"));
        mvc.perform(get("/api/v1/imports/" + dealsImport).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.updated").value(1));
        long changesImport = upload(ws, "stage_changes", CHANGES, Map.of());
        mvc.perform(get("/api/v1/imports/" + changesImport).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(9))
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(11))
                .andExpect(jsonPath("$.errors[0].code").value("stageChangeBeforeOpened"))
                .andExpect(jsonPath("$.errors[0].column").value("Entered"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("opened")));

        // the late row took its place: Prospecting 5 days, Lead qualification 8, then Proposal
        mvc.perform(get("/api/v1/opportunities/" + id(ws, "H-3") + "/history").with(ws.admin()))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].stageName").value("Prospecting"))
                .andExpect(jsonPath("$[1].stageName").value("Lead qualification"))
                .andExpect(jsonPath("$[1].fromStageName").value("Prospecting"))
                .andExpect(jsonPath("$[2].stageName").value("Proposal"))
                .andExpect(jsonPath("$[2].fromStageName").value("Lead qualification"));
        // and the dashboard counts it: H-3 entered Lead qualification and left it after 8 days
        String lq = "$.byStage[?(@.name == 'Lead qualification')]";
        mvc.perform(get("/api/v1/metrics?from=2025-01-01&to=2025-03-31").with(ws.admin()))
                .andExpect(jsonPath(lq + ".entered").value(1))
                .andExpect(jsonPath(lq + ".exited").value(1))
                .andExpect(jsonPath(lq + ".averageDaysInStage").value(8.0))
                .andExpect(jsonPath("$.wonDeals").value(2));
        assertThat(body(ws, "/api/v1/metrics?from=2025-01-01&to=2025-03-31")).isNotEqualTo(metricsBefore);
        assertThat(body(ws, "/api/v1/opportunities/totals")).isNotEqualTo(totalsBefore);

        undo(ws, changesImport);
        mvc.perform(get("/api/v1/imports/" + changesImport).with(ws.admin()))
                .andExpect(jsonPath("$.undo.undone").value(9))
                .andExpect(jsonPath("$.undo.leftAlone.length()").value(0));
        assertThat(body(ws, "/api/v1/opportunities/" + id(ws, "B-1") + "/history"))
                .isEqualTo(b1Before);
        undo(ws, dealsImport);
        mvc.perform(get("/api/v1/imports/" + dealsImport).with(ws.admin()))
                .andExpect(jsonPath("$.undo.undone").value(4))
                .andExpect(jsonPath("$.undo.leftAlone.length()").value(0));

        assertThat(find(ws, "H-1")).isEmpty();
        assertThat(find(ws, "H-3")).isEmpty();
        assertThat(find(ws, "B-2").orElseThrow().amount()).isEqualByComparingTo("500");
        assertThat(body(ws, "/api/v1/metrics?from=2025-01-01&to=2025-03-31")).isEqualTo(metricsBefore);
        assertThat(body(ws, "/api/v1/opportunities/totals")).isEqualTo(totalsBefore);
        assertThat(body(ws, "/api/v1/opportunities/" + id(ws, "B-1") + "/history"))
                .isEqualTo(b1Before);
    }

    @Test
    void anUndoAfterSomeoneChangedADealLeavesThatDealAndListsIt() throws Exception {
        var ws = workspaces.create();
        long dealsImport = upload(ws, "opportunities", DEALS, Map.of("stageHistory", "FILE"));
        long changesImport = upload(ws, "stage_changes", CHANGES, Map.of());

        // someone works H-3 after the import
        long h3 = id(ws, "H-3");
        String deal = body(ws, "/api/v1/opportunities/" + h3);
        int version = JsonPath.read(deal, "$.version");
        mvc.perform(patch("/api/v1/opportunities/" + h3)
                        .with(ws.admin())
                        .contentType("application/json")
                        .content("{\"name\": \"Old open, worked\", \"amount\": 900, \"version\": " + version + "}"))
                .andExpect(status().isOk());

        undo(ws, changesImport);
        // H-3's three changes stay with it; the others go
        mvc.perform(get("/api/v1/imports/" + changesImport).with(ws.admin()))
                .andExpect(jsonPath("$.undo.undone").value(5))
                .andExpect(jsonPath("$.undo.leftAlone.length()").value(3));
        undo(ws, dealsImport);
        mvc.perform(get("/api/v1/imports/" + dealsImport).with(ws.admin()))
                .andExpect(jsonPath("$.undo.undone").value(3))
                .andExpect(jsonPath("$.undo.leftAlone.length()").value(1))
                .andExpect(jsonPath("$.undo.leftAlone[0]").value(h3));

        assertThat(find(ws, "H-1")).isEmpty();
        assertThat(find(ws, "H-2")).isEmpty();
        assertThat(find(ws, "B-2")).isEmpty();
        assertThat(find(ws, "H-3").orElseThrow().name()).isEqualTo("Old open, worked");
        mvc.perform(get("/api/v1/opportunities/" + h3 + "/history").with(ws.admin()))
                .andExpect(jsonPath("$.length()").value(3));
        // the board counts the one deal left, as edited
        mvc.perform(get("/api/v1/opportunities/totals").with(ws.admin()))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.amount").value(900.0));
        // the import's page lists the deal left alone, linked
        mvc.perform(get("/imports/" + dealsImport).with(page(ws)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/opportunities/" + h3)));
    }

    @Test
    void undoingTwoChangesInARowLinksTheKeptOneToTheStageBeforeThem() throws Exception {
        var ws = workspaces.create();
        upload(ws, "opportunities", BEFORE, Map.of());
        long b1 = id(ws, "B-1");
        String historyBefore = body(ws, "/api/v1/opportunities/" + b1 + "/history");
        String metricsBefore = body(ws, "/api/v1/metrics?from=2025-01-01&to=2025-03-31");

        // two stages B-1 passed through before it was won, one after the other
        long changesImport = upload(
                ws,
                "stage_changes",
                "Deal ID,Stage,Entered\nB-1,Lead qualification,2025-01-05\nB-1,Proposal,2025-01-10\n",
                Map.of());
        mvc.perform(get("/api/v1/opportunities/" + b1 + "/history").with(ws.admin()))
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[3].stageName").value("Closed won"))
                .andExpect(jsonPath("$[3].fromStageName").value("Proposal"));

        undo(ws, changesImport);
        // the win comes from the stage the deal was in before the two again, not from one that was removed
        mvc.perform(get("/api/v1/opportunities/" + b1 + "/history").with(ws.admin()))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].stageName").value("Closed won"))
                .andExpect(
                        jsonPath("$[1].fromStageName").value(JsonPath.<String>read(historyBefore, "$[0].stageName")));
        assertThat(body(ws, "/api/v1/opportunities/" + b1 + "/history")).isEqualTo(historyBefore);
        assertThat(body(ws, "/api/v1/metrics?from=2025-01-01&to=2025-03-31")).isEqualTo(metricsBefore);
    }

    @Test
    void theRecountAfterAnUndoKeepsStageMovesUnderTheOwnerOfTheirMoment() throws Exception {
        var ws = workspaces.create();
        var other = workspaces.addPerson(ws, org.pipelinecrm.identity.Role.SALES_REP, null);
        String pipelines = body(ws, "/api/v1/pipelines");
        long secondStage = ((Number) JsonPath.read(pipelines, "$[0].stages[1].id")).longValue();
        String secondStageName = JsonPath.read(pipelines, "$[0].stages[1].name");
        // the admin moves their deal on, then gives it to another rep
        long deal = workspaces.addDeal(ws.adminEmail(), "Handed over");
        mvc.perform(post("/api/v1/opportunities/" + deal + "/move")
                        .with(ws.admin())
                        .contentType("application/json")
                        .content("{\"stageId\": " + secondStage + ", \"version\": 0}"))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/v1/opportunities/" + deal)
                        .with(ws.admin())
                        .contentType("application/json")
                        .content("{\"ownerId\": " + other.id() + ", \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(other.id()));
        String admins = "/api/v1/metrics?ownerId=" + ws.adminId();
        String others = "/api/v1/metrics?ownerId=" + other.id();
        String entered = "$.byStage[?(@.name == '" + secondStageName + "')].entered";
        mvc.perform(get(admins).with(ws.admin())).andExpect(jsonPath(entered).value(1));
        String adminsBefore = body(ws, admins);
        String othersBefore = body(ws, others);

        // an import undone: the day rollups are counted again from the history
        undo(ws, upload(ws, "opportunities", BEFORE, Map.of()));

        // the move still counts for the admin, who owned the deal when it moved, and not for the rep
        mvc.perform(get(admins).with(ws.admin())).andExpect(jsonPath(entered).value(1));
        mvc.perform(get(others).with(ws.admin())).andExpect(jsonPath(entered).value(0));
        assertThat(body(ws, admins)).isEqualTo(adminsBefore);
        assertThat(body(ws, others)).isEqualTo(othersBefore);
    }

    private Optional<OpportunityView> find(TestWorkspaces.Workspace ws, String externalId) {
        return workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> deals.findByExternalId(externalId).map(o -> o.toView(null, null))));
    }

    private long id(TestWorkspaces.Workspace ws, String externalId) {
        return find(ws, externalId).orElseThrow().id();
    }

    private String body(TestWorkspaces.Workspace ws, String url) throws Exception {
        return mvc.perform(get(url).with(ws.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void undo(TestWorkspaces.Workspace ws, long id) throws Exception {
        mvc.perform(post("/api/v1/imports/" + id + "/undo").with(ws.admin())).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.undo.status").value("DONE")));
    }

    private long upload(TestWorkspaces.Workspace ws, String entity, String csv, Map<String, String> params)
            throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports");
        request.file(new MockMultipartFile("file", entity + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        request.param("entity", entity).with(ws.admin());
        params.forEach(request::param);
        String body = mvc.perform(request)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        return id;
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService pageUsers;

    /** A page request of the workspace's admin, signed in as the pages are. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor page(TestWorkspaces.Workspace ws) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                pageUsers.loadUserByUsername(ws.adminEmail()));
    }
}
