package org.pipelinecrm.insight;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Deals imported with their stage history in a second file: time in stage, stage conversion and velocity on
 * the dashboard are what the files say, and importing the history again changes nothing.
 */
@IntegrationTest
class StageHistoryImportTest {

    static final String DEALS = "Deal ID,Deal Name,Stage,Amount,Created,Closed\n"
            + "D-1,Won deal,Closed won,1000,2025-01-01,2025-01-31\n"
            + "D-2,Lost deal,Closed lost,400,2025-01-05,2025-01-20\n"
            + "D-3,Open deal,Proposal,700,2025-01-10,\n";
    // 10 days in Prospecting then 20 in Proposal; 15 in Prospecting; 5 in Prospecting
    static final String CHANGES = "Deal ID\tStage\tEntered\tLeft\tBy\n"
            + "D-1\tProspecting\t2025-01-01\t2025-01-11\tnobody known\n"
            + "D-1\tProposal\t2025-01-11\t2025-01-31\t\n"
            + "D-1\tClosed won\t2025-01-31\t\t\n"
            + "D-2\tProspecting\t2025-01-05\t\t\n"
            + "D-2\tClosed lost\t2025-01-20\t\t\n"
            + "D-3\tProspecting\t2025-01-10\t\t\n"
            + "D-3\tProposal\t2025-01-15\t\t\n"
            + "X-9\tProposal\t2025-01-02\t\t\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void theStageHistoryFileGivesTimeInStageConversionAndVelocity() throws Exception {
        var ws = workspaces.create();
        long deals = upload(ws, "opportunities", DEALS, Map.of("stageHistory", "FILE"));
        mvc.perform(get("/api/v1/imports/" + deals).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(3));

        long changes = upload(ws, "stage_changes", CHANGES, Map.of());
        mvc.perform(get("/api/v1/imports/" + changes).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(7))
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(9))
                .andExpect(jsonPath("$.errors[0].code").value("unknownDeal"))
                .andExpect(jsonPath("$.errors[0].column").value("Deal ID"));
        figures(ws);

        // the same file again writes nothing; a change earlier than a deal's last one takes its place in the
        // deal's history: D-3 left Prospecting after 2 days for Lead qualification, and that 3 days later
        long again = upload(ws, "stage_changes", CHANGES + "D-3\tLead qualification\t2025-01-12\t\t\n", Map.of());
        mvc.perform(get("/api/v1/imports/" + again).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.updated").value(7))
                .andExpect(jsonPath("$.errors.length()").value(1));
        String qualification = "$.byStage[?(@.name == 'Lead qualification')]";
        mvc.perform(get("/api/v1/metrics?from=2025-01-01&to=2025-01-31").with(ws.admin()))
                .andExpect(jsonPath("$.byStage[?(@.name == 'Prospecting')].averageDaysInStage")
                        .value(9.0))
                .andExpect(jsonPath(qualification + ".entered").value(1))
                .andExpect(jsonPath(qualification + ".exited").value(1))
                .andExpect(jsonPath(qualification + ".averageDaysInStage").value(3.0))
                .andExpect(
                        jsonPath("$.byStage[?(@.name == 'Proposal')].entered").value(2));

        // undone, the figures are those of the first file again
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/imports/" + again + "/undo")
                        .with(ws.admin()))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + again).with(ws.admin()))
                        .andExpect(jsonPath("$.undo.status").value("DONE"))
                        .andExpect(jsonPath("$.undo.undone").value(1)));
        figures(ws);
    }

    private void figures(TestWorkspaces.Workspace ws) throws Exception {
        ResultActions metrics = mvc.perform(
                        get("/api/v1/metrics?from=2025-01-01&to=2025-01-31").with(ws.admin()))
                .andExpect(status().isOk());
        String prospecting = "$.byStage[?(@.name == 'Prospecting')]";
        String proposal = "$.byStage[?(@.name == 'Proposal')]";
        metrics.andExpect(jsonPath(prospecting + ".entered").value(3))
                .andExpect(jsonPath(prospecting + ".exited").value(3))
                .andExpect(jsonPath(prospecting + ".movedForward").value(2))
                .andExpect(jsonPath(prospecting + ".conversionRate").value(0.6667))
                .andExpect(jsonPath(prospecting + ".averageDaysInStage").value(10.0))
                .andExpect(jsonPath(proposal + ".entered").value(2))
                .andExpect(jsonPath(proposal + ".exited").value(1))
                .andExpect(jsonPath(proposal + ".conversionRate").value(1.0))
                .andExpect(jsonPath(proposal + ".averageDaysInStage").value(20.0))
                // won 1000 after 30 days, win rate 1/2, one open deal: 1000 × 1 × 0.5 / 30
                .andExpect(jsonPath("$.salesVelocity").value(16.67));
    }

    private long upload(TestWorkspaces.Workspace ws, String entity, String csv, Map<String, String> params)
            throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports");
        request.file(new MockMultipartFile("file", entity + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        request.param("entity", entity).with(ws.admin());
        params.forEach((name, value) -> request.param(name, value));
        String body = mvc.perform(request)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        return id;
    }
}
