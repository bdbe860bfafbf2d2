package org.pipelinecrm.lead;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class HandoffSettingsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    private long handedOff(TestWorkspaces.Workspace ws, String name, String source) throws Exception {
        String body = mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"" + name + "\", \"type\": \"MQL\", \"source\": \"" + source + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/leads/" + id + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"ready\"}"))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void theSlaAndTheReasonListAreTheWorkspacesOwnAndTheReportCountsTheAnswers() throws Exception {
        var ws = workspaces.create();
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/settings/handoff").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"24\"")));
        mvc.perform(post("/settings/handoff")
                        .with(admin)
                        .with(csrf())
                        .param("slaHours", "0")
                        .param("reasons", "")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("handoff-errors")));
        mvc.perform(post("/settings/handoff")
                        .with(admin)
                        .with(csrf())
                        .param("slaHours", "48")
                        .param("reasons", "NO_BUDGET\nCompetitor customer\n")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/leads/inbox").with(admin)).andExpect(content().string(containsString("48")));

        long accepted = handedOff(ws, "Accepted", "Webinar");
        long rejected = handedOff(ws, "Rejected", "Webinar");
        long refused = handedOff(ws, "Refused", "Trade show");
        handedOff(ws, "Waiting", "Trade show");
        mvc.perform(post("/api/v1/leads/" + accepted + "/accept").with(ws.admin()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/leads/" + rejected + "/reject")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Competitor customer\", \"note\": \"uses a rival\"}"))
                .andExpect(status().isOk());
        // A reason the workspace no longer offers is refused.
        mvc.perform(post("/api/v1/leads/" + refused + "/reject")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"TOO_EARLY\"}"))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/leads/handoff-report").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"total-handed-off\">4<")))
                .andExpect(content().string(containsString("id=\"total-accepted\">1<")))
                .andExpect(content().string(containsString("id=\"total-rejected\">1<")))
                .andExpect(content().string(containsString("Competitor customer")))
                .andExpect(content().string(containsString("Trade show")));
    }
}
