package org.pipelinecrm.opportunity;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Saved board views are each person's own: listed, replaced by name, deleted, never seen by anyone else. */
@IntegrationTest
class BoardViewsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    org.pipelinecrm.identity.UserLookup users;

    @Autowired
    Pipelines pipelines;

    TestWorkspaces.Workspace ws;
    long pipelineId;

    @BeforeEach
    void aWorkspace() {
        ws = workspaces.create();
        pipelineId =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0).id());
    }

    /** Pages are for people signed in with a session, not API credentials. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor page(TestWorkspaces.Workspace w) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(w.adminEmail()));
    }

    private long save(RequestPostProcessor who, String json) throws Exception {
        String body = mvc.perform(post("/api/v1/board/views")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aPersonSeesOnlyTheirOwnViewsAndAnotherPersonsIdIsNotFound() throws Exception {
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long mine = save(ws.admin(), "{\"name\": \"Big ones\", \"pipelineId\": " + pipelineId + ", \"q\": \"Acme\"}");
        save(rep.basic(), "{\"name\": \"Rep's own\", \"pipelineId\": " + pipelineId + ", \"mine\": true}");

        mvc.perform(get("/api/v1/board/views").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].name").value("Big ones"))
                .andExpect(jsonPath("$[0].q").value("Acme"))
                .andExpect(jsonPath("$[0].pipelineId").value(pipelineId));
        mvc.perform(get("/api/v1/board/views").with(rep.basic()))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].name").value("Rep's own"))
                .andExpect(jsonPath("$[0].mine").value(true));

        // the rep cannot delete the admin's view: it is not found for them, and it stays
        mvc.perform(delete("/api/v1/board/views/{id}", mine).with(rep.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/board/views").with(ws.admin())).andExpect(jsonPath("$", hasSize(1)));

        mvc.perform(delete("/api/v1/board/views/{id}", mine).with(ws.admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/board/views").with(ws.admin())).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void anotherWorkspacesViewIsNotFoundAndItsPipelineIsRefused() throws Exception {
        long view = save(ws.admin(), "{\"name\": \"Mine\", \"pipelineId\": " + pipelineId + "}");
        var other = workspaces.create();
        mvc.perform(delete("/api/v1/board/views/{id}", view).with(other.admin()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/pipeline/views/{id}/delete", view)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .with(page(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/board/views")
                        .with(other.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Theirs\", \"pipelineId\": " + pipelineId + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pipelineId"));
        mvc.perform(get("/api/v1/board/views").with(ws.admin())).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void savingANameAgainReplacesItsFiltersAndANameIsRequired() throws Exception {
        long team = workspaces.addTeam(ws, "Enterprise");
        long first = save(ws.admin(), "{\"name\": \"Focus\", \"pipelineId\": " + pipelineId + "}");
        long again = save(
                ws.admin(), "{\"name\": \"focus \", \"pipelineId\": " + pipelineId + ", \"teamId\": " + team + "}");
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        mvc.perform(get("/api/v1/board/views").with(ws.admin()))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].teamId").value(team));
        mvc.perform(post("/api/v1/board/views")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" \", \"pipelineId\": " + pipelineId + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/board/views")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Ghost\", \"pipelineId\": " + pipelineId + ", \"ownerId\": 987654321}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
    }

    @Test
    void theBoardOffersMyViewsAsLinksAndSavesTheFiltersShown() throws Exception {
        mvc.perform(post("/pipeline/views")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .with(page(ws))
                        .param("name", "Acme deals")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .param("q", "Acme"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/pipeline?pipelineId=" + pipelineId + "&q=Acme"));
        mvc.perform(get("/pipeline")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .with(page(ws)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Acme deals")))
                .andExpect(content()
                        .string(Matchers.containsString("/pipeline?pipelineId=" + pipelineId + "&amp;q=Acme")));
        // shown with its filters, the view names itself on the button
        mvc.perform(get("/pipeline")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .param("q", "Acme")
                        .with(page(ws)))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*id=\"views-button\"[^>]*>Acme deals<.*")));
    }

    @Test
    void aViewKeepsAndRestoresItsCustomFieldFilters() throws Exception {
        mvc.perform(post("/api/v1/fields")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recordKind\": \"OPPORTUNITY\", \"key\": \"region\", \"label\": \"Region\","
                                + " \"type\": \"SELECT\", \"options\": [\"EMEA\", \"APAC\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/fields")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recordKind\": \"OPPORTUNITY\", \"key\": \"seats\", \"label\": \"Seats\","
                                + " \"type\": \"NUMBER\"}"))
                .andExpect(status().isCreated());
        save(
                ws.admin(),
                "{\"name\": \"Big EMEA\", \"pipelineId\": " + pipelineId
                        + ", \"fields\": {\"cf.region\": \"EMEA\", \"cf.seats.gte\": \"100\", \"cf.seats.lte\": \"\"}}");
        mvc.perform(get("/api/v1/board/views").with(ws.admin()))
                .andExpect(jsonPath("$[0].name").value("Big EMEA"))
                .andExpect(jsonPath("$[0].fields['cf.region']").value("EMEA"))
                .andExpect(jsonPath("$[0].fields['cf.seats.gte']").value("100"))
                .andExpect(jsonPath("$[0].fields['cf.seats.lte']").doesNotExist());
        // the board lists the view with its filters in its address, and names it when they are shown
        mvc.perform(get("/pipeline")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .with(page(ws)))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "/pipeline?pipelineId=" + pipelineId + "&amp;cf.region=EMEA&amp;cf.seats.gte=100")));
        mvc.perform(get("/pipeline")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .param("cf.region", "EMEA")
                        .param("cf.seats.gte", "100")
                        .with(page(ws)))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*id=\"views-button\"[^>]*>Big EMEA<.*")));
        mvc.perform(post("/api/v1/board/views")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Mars\", \"pipelineId\": " + pipelineId
                                + ", \"fields\": {\"cf.region\": \"Mars\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cf.region"));
        // saved from the board page, the filters shown come along
        mvc.perform(post("/pipeline/views")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .with(page(ws))
                        .param("name", "APAC")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .param("cf.region", "APAC"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/pipeline?pipelineId=" + pipelineId + "&cf.region=APAC"));
    }
}
