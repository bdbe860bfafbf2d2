package org.pipelinecrm.opportunity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OpportunityPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealMoves moves;

    @Autowired
    Pipelines pipelines;

    @Autowired
    org.pipelinecrm.identity.UserLookup lookup;

    @Test
    void aDealIsCreatedFromTheFormAndItsPageShowsHistoryAndExitCriteria() throws Exception {
        var ws = workspaces.create();
        var me = lookup.loadUserByUsername(ws.adminEmail());
        long pipelineId =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0).id());
        mvc.perform(post("/opportunities")
                        .with(user(me))
                        .with(csrf())
                        .param("name", "")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .param("amount", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/opportunities")
                        .with(user(me))
                        .with(csrf())
                        .param("name", "Soylent expansion")
                        .param("accountName", "Soylent Corp")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .param("amount", "15000")
                        .param("expectedCloseDate", "2027-01-31")
                        .param("ownerId", String.valueOf(ws.adminId())))
                .andExpect(redirectedUrlPattern("/opportunities/*"));
        var deal = workspaces.as(
                ws.adminEmail(),
                () -> opportunities
                        .list(pipelineId, null, null, null, 0, 1)
                        .items()
                        .get(0));
        mvc.perform(get("/opportunities/" + deal.id()).with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Soylent expansion")))
                .andExpect(content().string(containsString("Ideal customer profile fits")))
                .andExpect(content().string(containsString("Prospecting")));
        mvc.perform(get("/pipeline").with(user(me)).header("Accept-Language", "fa"))
                .andExpect(status().isOk());
        mvc.perform(get("/accounts").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Soylent Corp")));
        workspaces.as(
                ws.adminEmail(),
                () -> moves.close(
                        deal.id(),
                        new DealMoves.CloseCmd(
                                org.pipelinecrm.pipeline.StageKind.WON,
                                null,
                                null,
                                null,
                                new BigDecimal("16000"),
                                null)));
        mvc.perform(get("/opportunities/" + deal.id()).with(user(me)))
                .andExpect(content().string(containsString("id=\"reopen\"")));
    }

    @Test
    void aRefusedDealLeavesNoNewAccountBehind() throws Exception {
        var ws = workspaces.create();
        var me = lookup.loadUserByUsername(ws.adminEmail());
        var pipeline = workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        long won = pipeline.closingStage(org.pipelinecrm.pipeline.StageKind.WON)
                .orElseThrow()
                .id();
        // A new deal must start in an open stage: refused, and the account it named is not made either.
        mvc.perform(post("/opportunities")
                        .with(user(me))
                        .with(csrf())
                        .param("name", "Initech renewal")
                        .param("accountName", "Initech Orphan")
                        .param("pipelineId", String.valueOf(pipeline.id()))
                        .param("stageId", String.valueOf(won))
                        .param("amount", "100")
                        .param("ownerId", String.valueOf(ws.adminId())))
                .andExpect(status().isOk());
        mvc.perform(get("/accounts").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Initech Orphan"))));
    }
}
