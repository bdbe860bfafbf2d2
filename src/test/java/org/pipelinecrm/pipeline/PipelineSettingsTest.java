package org.pipelinecrm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.opportunity.DealStageHistory;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The pipeline and reason settings pages, as an admin uses them. */
@IntegrationTest
class PipelineSettingsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup lookup;

    @Autowired
    Pipelines pipelines;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealStageHistory stageHistory;

    TestWorkspaces.Workspace ws;
    CrmUser admin;

    @BeforeEach
    void workspace() {
        ws = workspaces.create();
        admin = lookup.loadUserByUsername(ws.adminEmail());
    }

    @Test
    void anAdminCreatesAPipelineAndEditsItsStagesInOrder() throws Exception {
        long team = workspaces.addTeam(ws, "Renewals team");
        mvc.perform(post("/settings/pipelines").with(user(admin)).with(csrf()).param("name", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        String location = mvc.perform(post("/settings/pipelines")
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "Renewals")
                        .param("teamId", String.valueOf(team)))
                .andExpect(redirectedUrlPattern("/settings/pipelines/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        PipelineView created = pipeline(id);
        assertThat(created.teamId()).isEqualTo(team);
        List<StageView> stages = created.stages();

        // Lost first, the open stage renamed and last, a new stage with exit criteria in the middle.
        mvc.perform(post("/settings/pipelines/" + id + "/stages")
                        .with(user(admin))
                        .with(csrf())
                        .param("version", String.valueOf(created.version()))
                        .param("stages[0].id", String.valueOf(stages.get(2).id()))
                        .param("stages[0].name", "Churned")
                        .param("stages[0].kind", "LOST")
                        .param("stages[1].name", "Renewal call")
                        .param("stages[1].kind", "OPEN")
                        .param("stages[1].probability", "35")
                        .param("stages[1].rottingDays", "9")
                        .param("stages[1].exitCriteria", "Usage reviewed\n\nBudget confirmed ")
                        .param("stages[2].id", String.valueOf(stages.get(1).id()))
                        .param("stages[2].name", "Renewed")
                        .param("stages[2].kind", "WON")
                        .param("stages[3].id", String.valueOf(stages.get(0).id()))
                        .param("stages[3].name", "Due soon")
                        .param("stages[3].kind", "OPEN")
                        .param("stages[3].probability", "20"))
                .andExpect(redirectedUrl("/settings/pipelines/" + id));
        PipelineView saved = pipeline(id);
        assertThat(saved.stages())
                .extracting(StageView::name)
                .containsExactly("Churned", "Renewal call", "Renewed", "Due soon");
        StageView call = saved.stages().get(1);
        assertThat(call.kind()).isEqualTo(StageKind.OPEN);
        assertThat(call.probability()).isEqualTo(35);
        assertThat(call.rottingDays()).isEqualTo(9);
        assertThat(call.exitCriteria()).containsExactly("Usage reviewed", "Budget confirmed");

        // The editor shows the stages in that order; an edit made from a stale page is refused.
        mvc.perform(get("/settings/pipelines/" + id).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Renewal call")));
        mvc.perform(post("/settings/pipelines/" + id + "/stages")
                        .with(user(admin))
                        .with(csrf())
                        .param("version", String.valueOf(created.version()))
                        .param("stages[0].name", "Too late")
                        .param("stages[0].kind", "OPEN"))
                .andExpect(status().isConflict());
        mvc.perform(post("/settings/pipelines/" + id)
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "Renewals 2027")
                        .param("teamId", "")
                        .param("version", String.valueOf(saved.version())))
                .andExpect(redirectedUrl("/settings/pipelines/" + id));
        assertThat(pipeline(id).teamId()).isNull();
    }

    @Test
    void aStageWithDealsIsDeletedOnlyAfterItsDealsMove() throws Exception {
        PipelineView sales =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        StageView proposal = sales.stages().get(3);
        StageView negotiation = sales.stages().get(4);
        long deal = workspaces.as(
                ws.adminEmail(),
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                "Big one",
                                null,
                                null,
                                sales.id(),
                                proposal.id(),
                                new BigDecimal("5000"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());

        String confirm = "/settings/pipelines/" + sales.id() + "/stages/" + proposal.id() + "/delete";
        mvc.perform(post(confirm).with(user(admin)).with(csrf())).andExpect(redirectedUrl(confirm));
        mvc.perform(get(confirm).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("holds 1 deals")))
                .andExpect(content().string(containsString(negotiation.name())));
        assertThat(pipeline(sales.id()).stages()).hasSize(9);

        mvc.perform(post(confirm).with(user(admin)).with(csrf()).param("moveTo", String.valueOf(negotiation.id())))
                .andExpect(redirectedUrl("/settings/pipelines/" + sales.id()));
        assertThat(pipeline(sales.id()).stages()).extracting(StageView::name).doesNotContain(proposal.name());
        var moved = workspaces.as(ws.adminEmail(), () -> opportunities.opportunity(deal));
        assertThat(moved.stageId()).isEqualTo(negotiation.id());
        assertThat(moved.probability()).isEqualTo(negotiation.probability());
        assertThat(moved.version()).isEqualTo(1);
        assertThat(workspaces.as(ws.adminEmail(), () -> stageHistory.of(deal))).hasSize(2);

        // An empty stage goes at once; a closed stage's deals may only go to a stage of the same kind.
        StageView demo = sales.stages().get(2);
        mvc.perform(post("/settings/pipelines/" + sales.id() + "/stages/" + demo.id() + "/delete")
                        .with(user(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/pipelines/" + sales.id()));
        assertThat(pipeline(sales.id()).stages()).hasSize(7);
        assertThatThrownBy(() -> workspaces.as(
                        ws.adminEmail(),
                        () -> pipelines.moveDealsAndDeleteStage(
                                sales.id(),
                                negotiation.id(),
                                sales.stages().get(8).id())))
                .hasMessageContaining("same kind");
    }

    @Test
    void onlyAdminsReachTheSettings() throws Exception {
        var rep = lookup.loadUserByUsername(
                workspaces.addPerson(ws, Role.MANAGER, null).email());
        mvc.perform(get("/settings/pipelines").with(user(rep))).andExpect(status().isForbidden());
        mvc.perform(get("/settings/reasons").with(user(rep))).andExpect(status().isForbidden());
        mvc.perform(get("/settings/pipelines").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/settings/reasons\"")));
    }

    @Test
    void reasonsAreAddedRenamedAndDeactivatedWithVersions() throws Exception {
        mvc.perform(post("/settings/reasons")
                        .with(user(admin))
                        .with(csrf())
                        .param("outcome", "LOST")
                        .param("label", "Went with a partner"))
                .andExpect(redirectedUrl("/settings/reasons"));
        mvc.perform(post("/settings/reasons")
                        .with(user(admin))
                        .with(csrf())
                        .param("outcome", "LOST")
                        .param("label", "went with a partner"))
                .andExpect(content().string(containsString("is-invalid")));
        CloseReasonView added = lost().stream()
                .filter(r -> r.code().equals("WENT_WITH_A_PARTNER"))
                .findFirst()
                .orElseThrow();
        assertThat(added.standard()).isFalse();

        mvc.perform(post("/settings/reasons/" + added.id())
                        .with(user(admin))
                        .with(csrf())
                        .param("label", "Partner deal")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/settings/reasons"));
        mvc.perform(post("/settings/reasons/" + added.id())
                        .with(user(admin))
                        .with(csrf())
                        .param("label", "Stale rename")
                        .param("version", "0"))
                .andExpect(status().isConflict());
        mvc.perform(get("/settings/reasons").with(user(admin)))
                .andExpect(content().string(containsString("Partner deal")))
                .andExpect(content().string(containsString("No budget")));

        mvc.perform(post("/settings/reasons/" + added.id() + "/active")
                        .with(user(admin))
                        .with(csrf())
                        .param("active", "false")
                        .param("version", "1"))
                .andExpect(redirectedUrl("/settings/reasons"));
        assertThat(workspaces.as(ws.adminEmail(), () -> pipelines.reasons(StageKind.LOST)))
                .extracting(CloseReasonView::code)
                .doesNotContain("WENT_WITH_A_PARTNER")
                .contains("PRICE");
        assertThat(workspaces.as(ws.adminEmail(), () -> pipelines.reason(StageKind.LOST, "Partner deal")))
                .isEmpty();
    }

    @Test
    void theApiRenamesPipelinesAndEditsReasonsWithVersions() throws Exception {
        PipelineView sales =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        mvc.perform(patch("/api/v1/pipelines/" + sales.id())
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"New business\", \"version\": " + sales.version() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("New business"));
        mvc.perform(patch("/api/v1/pipelines/" + sales.id())
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Stale\", \"version\": " + sales.version() + "}"))
                .andExpect(status().isConflict());
        String added = mvc.perform(post("/api/v1/reasons")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"WON\", \"label\": \"Fast delivery\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("FAST_DELIVERY"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(added, "$.id")).longValue();
        mvc.perform(patch("/api/v1/reasons/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"Quick delivery\", \"active\": false, \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("Quick delivery"))
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/reasons?outcome=WON").with(ws.admin()))
                .andExpect(content().string(not(containsString("Quick delivery"))));
        mvc.perform(get("/api/v1/reasons?outcome=WON&all=true").with(ws.admin()))
                .andExpect(content().string(containsString("Quick delivery")));
    }

    private List<CloseReasonView> lost() {
        return workspaces.as(ws.adminEmail(), () -> pipelines.reasons(StageKind.LOST));
    }

    private PipelineView pipeline(long id) {
        return workspaces.as(ws.adminEmail(), () -> pipelines.pipeline(id));
    }
}
