package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A manager with two pipelines picks the second on the mapping page; a row's own pipeline column still wins. */
@IntegrationTest
class HistoryImportPipelinePickerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Pipelines pipelines;

    @Autowired
    UserDetailsService users;

    @Test
    void theMappingPagesPipelinePickPutsTheDealsInThatPipelinesStages() throws Exception {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        PipelineView renewals = workspaces.as(
                ws.adminEmail(),
                () -> pipelines.create(new Pipelines.PipelineCmd(
                        "Renewals",
                        null,
                        List.of(
                                new Pipelines.StageCmd(null, "Renewal due", StageKind.OPEN, 30, null, List.of()),
                                new Pipelines.StageCmd(null, "Negotiation", StageKind.OPEN, 70, null, List.of()),
                                new Pipelines.StageCmd(null, "Renewed", StageKind.WON, 100, null, List.of()),
                                new Pipelines.StageCmd(null, "Churned", StageKind.LOST, 0, null, List.of())))));
        long sales =
                workspaces.as(manager.email(), () -> pipelines.visible().get(0).id());
        RequestPostProcessor page = user(users.loadUserByUsername(manager.email()));

        String csv = "Deal ID,Deal Name,Stage,Amount,Created,Closed,Pipeline\r\n"
                + "RN-1,Kish Air renewal,Renewal due,12000,2025-09-01,,\r\n"
                + "RN-2,Arak Steel renewal,Renewed,30000,2025-05-01,2025-06-15,\r\n"
                + "RN-3,Yazd Tiles – new line,Proposal,8000,2025-10-01,,Sales\r\n";
        var file = new MockMultipartFile("file", "renewals.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports")
                        .file(file)
                        .param("entity", "opportunities")
                        .with(page)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));

        // The picker lists both pipelines, the first one first (the default); in Persian it is labelled too.
        mvc.perform(get("/imports/" + id + "/mapping").with(page))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"field.pipelineId\"")))
                .andExpect(content().string(containsString("<option value=\"=" + sales + "\">Sales</option>")))
                .andExpect(
                        content().string(containsString("<option value=\"=" + renewals.id() + "\">Renewals</option>")));
        mvc.perform(get("/imports/" + id + "/mapping").with(page).cookie(new Cookie("crm-lang", "fa")))
                .andExpect(content().string(containsString("مرحله‌ها با نامشان در این قیف پیدا می‌شوند")));

        mvc.perform(post("/imports/" + id + "/start")
                        .with(page)
                        .with(csrf())
                        .param("field.externalId", "Deal ID")
                        .param("field.name", "Deal Name")
                        .param("field.stage", "Stage")
                        .param("field.amount", "Amount")
                        .param("field.openedAt", "Created")
                        .param("field.closedAt", "Closed")
                        .param("field.pipeline", "Pipeline")
                        .param("field.pipelineId", "=" + renewals.id()))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(manager.basic()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        mvc.perform(get("/api/v1/imports/" + id).with(manager.basic()))
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.skipped").value(0));

        long due = stage(renewals, "Renewal due");
        long renewed = stage(renewals, "Renewed");
        mvc.perform(get("/api/v1/opportunities?pipelineId=" + renewals.id()).with(manager.basic()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.name == 'Kish Air renewal')].stageId")
                        .value((int) due))
                .andExpect(jsonPath("$.items[?(@.name == 'Arak Steel renewal')].stageId")
                        .value((int) renewed));
        // The row that names its pipeline went there, whatever the page picked.
        mvc.perform(get("/api/v1/opportunities?pipelineId=" + sales).with(manager.basic()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Yazd Tiles – new line"));
        assertThat(due).isNotEqualTo(renewed);
    }

    private static long stage(PipelineView pipeline, String name) {
        return pipeline.stages().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
