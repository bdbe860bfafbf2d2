package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The deal page's stage bar moves a deal by the board's rules, and its next step is the deal's earliest open task. */
@IntegrationTest
class DealPageStageBarTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    Pipelines pipelines;

    @Autowired
    Tasks tasks;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor signedIn(String email) {
        return user(users.loadUserByUsername(email));
    }

    @Test
    void theStageBarMovesTheDealAStalePageSaysWhoMovedItAndLosingNeedsAReason() throws Exception {
        var ws = workspaces.create();
        var admin = signedIn(ws.adminEmail());
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long id = workspaces.addDeal(ws.adminEmail(), "Stage bar deal");
        PipelineView pipeline =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        long second = pipeline.openStages().get(1).id();
        long third = pipeline.openStages().get(2).id();
        long lost = pipeline.closingStage(StageKind.LOST).orElseThrow().id();

        mvc.perform(get("/opportunities/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stage-bar\"")))
                .andExpect(content().string(containsString("data-stage-id=\"" + second + "\"")))
                .andExpect(content().string(containsString("id=\"deal-next-step\"")));

        mvc.perform(post("/opportunities/" + id + "/stage")
                        .with(admin)
                        .with(csrf())
                        .param("stageId", String.valueOf(second))
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "opportunity.stageMoved"));
        assertThat(workspaces
                        .as(ws.adminEmail(), () -> opportunities.opportunity(id))
                        .stageId())
                .isEqualTo(second);

        // a page opened before that move: told who moved the deal, and it stays where it is
        mvc.perform(post("/opportunities/" + id + "/stage")
                        .with(admin)
                        .with(csrf())
                        .param("stageId", String.valueOf(third))
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("stageProblem", containsString("Admin " + ws.suffix())));
        long version = workspaces
                .as(ws.adminEmail(), () -> opportunities.opportunity(id))
                .version();

        // lost only with a reason, as on the board
        mvc.perform(post("/opportunities/" + id + "/stage")
                        .with(admin)
                        .with(csrf())
                        .param("stageId", String.valueOf(lost))
                        .param("version", String.valueOf(version)))
                .andExpect(flash().attribute("stageProblem", "A lost deal needs a reason."));
        assertThat(workspaces
                        .as(ws.adminEmail(), () -> opportunities.opportunity(id))
                        .status())
                .isEqualTo(StageKind.OPEN);
        String reason = workspaces.as(
                ws.adminEmail(), () -> pipelines.reasons(StageKind.LOST).get(0).code());
        mvc.perform(post("/opportunities/" + id + "/stage")
                        .with(admin)
                        .with(csrf())
                        .param("stageId", String.valueOf(lost))
                        .param("reason", reason)
                        .param("version", String.valueOf(version)))
                .andExpect(flash().attribute("saved", "opportunity.stageMoved"));
        assertThat(workspaces
                        .as(ws.adminEmail(), () -> opportunities.opportunity(id))
                        .status())
                .isEqualTo(StageKind.LOST);

        // a rep who cannot see the deal cannot move it
        mvc.perform(post("/opportunities/" + id + "/stage")
                        .with(signedIn(rep.email()))
                        .with(csrf())
                        .param("stageId", String.valueOf(second))
                        .param("version", "9"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theNextStepIsTheEarliestOpenTaskOnThePageTheBoardAndTheApi() throws Exception {
        var ws = workspaces.create();
        var admin = signedIn(ws.adminEmail());
        long id = workspaces.addDeal(ws.adminEmail(), "Next step deal");

        // typed on the page: a task is added, and the deal's version is the one the answer gives
        String answer = mvc.perform(post("/opportunities/" + id + "/field")
                        .with(admin)
                        .with(csrf())
                        .param("field", "nextStep")
                        .param("value", "Send the proposal")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value("Send the proposal"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var step = workspaces.as(ws.adminEmail(), () -> tasks.nextOpenTask(RecordType.OPPORTUNITY, id));
        assertThat(step.title()).isEqualTo("Send the proposal");
        long version = Long.parseLong(answer.replaceAll(".*\"version\":(\\d+).*", "$1"));

        // through the API: the same task is renamed, not a second one added
        mvc.perform(patch("/api/v1/opportunities/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nextStep\":\"Book the demo\",\"version\":" + version + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextStep").value("Book the demo"));
        var renamed = workspaces.as(ws.adminEmail(), () -> tasks.nextOpenTask(RecordType.OPPORTUNITY, id));
        assertThat(renamed.taskId()).isEqualTo(step.taskId());
        assertThat(renamed.title()).isEqualTo("Book the demo");
        long pipelineId =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0).id());
        mvc.perform(get("/api/v1/board")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .with(ws.admin()))
                .andExpect(content().string(containsString("\"title\":\"Book the demo\"")));

        // the task done, the deal has no next step anywhere, and its version did not go stale
        long before = workspaces
                .as(ws.adminEmail(), () -> opportunities.opportunity(id))
                .version();
        workspaces.as(ws.adminEmail(), () -> tasks.complete(renamed.taskId(), null, CurrentUser.actor()));
        mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.nextStep").value(nullValue()))
                .andExpect(jsonPath("$.version").value(before));
        mvc.perform(get("/opportunities/" + id).with(admin))
                .andExpect(content().string(containsString("No next step")));

        // a new deal with a next step gets its task at once
        String created = mvc.perform(post("/api/v1/opportunities")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"With a step\",\"nextStep\":\"Call the CFO\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nextStep").value("Call the CFO"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long newId = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        assertThat(workspaces
                        .as(ws.adminEmail(), () -> tasks.nextOpenTask(RecordType.OPPORTUNITY, newId))
                        .title())
                .isEqualTo("Call the CFO");
    }
}
