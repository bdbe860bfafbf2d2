package org.pipelinecrm.opportunity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Whoever closed a deal may take it back right away (the board's Undo); reopening anyone else's close is a manager's. */
@IntegrationTest
class UndoWindowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aRepUndoesTheirOwnCloseButNotSomeoneElses() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long own = workspaces.addDeal(rep.email(), "Own close");
        close(rep.basic(), own);
        mvc.perform(post("/api/v1/opportunities/{id}/reopen", own)
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"));

        // the admin closed this one: the rep may not reopen it
        long theirs = workspaces.addDeal(rep.email(), "Closed by the admin");
        close(ws.admin(), theirs);
        mvc.perform(post("/api/v1/opportunities/{id}/reopen", theirs)
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    private void close(RequestPostProcessor who, long id) throws Exception {
        mvc.perform(post("/api/v1/opportunities/{id}/close", id)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"WON\", \"version\": 0}"))
                .andExpect(status().isOk());
    }
}
