package org.pipelinecrm.lead;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An owner or team that is made up or another workspace's is refused with the field, and nothing changes. */
@IntegrationTest
class LeadAssigneesTest {

    private static final long MADE_UP = 987_654_321L;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    private long lead(RequestPostProcessor who, String json) throws Exception {
        String body = mvc.perform(post("/api/v1/leads")
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
    void theApiRefusesAnOwnerOrTeamOutsideTheWorkspaceWithTheField() throws Exception {
        var ws = workspaces.create();
        var other = workspaces.create();
        long othersTeam = workspaces.addTeam(other, "Their sales");
        long ownTeam = workspaces.addTeam(ws, "Sales");

        mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Ghost\", \"ownerId\": " + MADE_UP + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("workspace")));
        mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .cookie(new Cookie("crm-lang", "fa"))
                        .content("{\"lastName\": \"Ghost\", \"teamId\": " + othersTeam + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("تیم")));
        mvc.perform(get("/api/v1/leads?q=Ghost").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(0));

        long id = lead(ws.admin(), "{\"lastName\": \"Real\", \"type\": \"MQL\"}");
        mvc.perform(patch("/api/v1/leads/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\": " + other.adminId() + ", \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        mvc.perform(patch("/api/v1/leads/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\": " + MADE_UP + ", \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));
        mvc.perform(post("/api/v1/leads/" + id + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\": " + othersTeam + ", \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));
        mvc.perform(post("/api/v1/leads/" + id + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\": " + ownTeam + ", \"ownerId\": " + MADE_UP + ", \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.ownerId").isEmpty())
                .andExpect(jsonPath("$.version").value(0));

        // Its own people and teams still work.
        mvc.perform(post("/api/v1/leads/" + id + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\": " + ownTeam + ", \"ownerId\": " + ws.adminId() + ", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HANDED_OFF"));
    }

    @Test
    void thePagesRefuseAnOwnerOrTeamOutsideTheWorkspaceAndChangeNothing() throws Exception {
        var ws = workspaces.create();
        var other = workspaces.create();
        long othersTeam = workspaces.addTeam(other, "Their sales");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        var admin = user(users.loadUserByUsername(ws.adminEmail()));

        mvc.perform(post("/leads")
                        .with(admin)
                        .with(csrf())
                        .param("lastName", "Phantom")
                        .param("type", "MQL")
                        .param("teamId", String.valueOf(othersTeam)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("That team is not in this workspace")));
        mvc.perform(get("/api/v1/leads?q=Phantom").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(0));

        long id = lead(ws.admin(), "{\"lastName\": \"Real\", \"type\": \"MQL\"}");
        mvc.perform(post("/leads/" + id + "/handoff")
                        .with(admin)
                        .with(csrf())
                        .param("teamId", String.valueOf(MADE_UP))
                        .param("version", "0")
                        .cookie(new Cookie("crm-lang", "fa")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("این تیم")));

        String cold = String.valueOf(lead(ws.admin(), "{\"lastName\": \"Cold\"}"));
        mvc.perform(post("/leads/bulk")
                        .with(admin)
                        .with(csrf())
                        .param("action", "assign")
                        .param("ids", String.valueOf(id), cold)
                        .param("ownerId", String.valueOf(other.adminId()))
                        .param("confirmed", "true"))
                .andExpect(flash().attribute("bulkError", "lead.owner.unknown"));
        mvc.perform(post("/leads/bulk")
                        .with(admin)
                        .with(csrf())
                        .param("action", "handoff")
                        .param("ids", String.valueOf(id))
                        .param("teamId", String.valueOf(othersTeam))
                        .param("confirmed", "true"))
                .andExpect(flash().attribute("bulkError", "lead.team.unknown"));
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.ownerId").isEmpty())
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/api/v1/leads/" + cold).with(ws.admin()))
                .andExpect(jsonPath("$.ownerId").isEmpty());

        mvc.perform(post("/leads/bulk")
                        .with(admin)
                        .with(csrf())
                        .param("action", "assign")
                        .param("ids", String.valueOf(id), cold)
                        .param("ownerId", String.valueOf(rep.id()))
                        .param("confirmed", "true"))
                .andExpect(flash().attribute("bulk", new BulkOutcome(2, java.util.List.of())));
    }
}
