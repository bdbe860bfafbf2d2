package org.pipelinecrm.qualification;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.lead.LeadDetails;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class QualificationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    @Autowired
    Leads leads;

    long lead(String email, String lastName) {
        return workspaces.as(
                email,
                () -> leads.create(
                                new LeadDetails(
                                        null,
                                        lastName,
                                        null,
                                        null,
                                        "Delta Logistics",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                true,
                                CurrentUser.actor())
                        .id());
    }

    @Test
    void adminsEditTheQuestionBankAndRepsSeeItBesideTheLetters() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, workspaces.addTeam(ws, "Sales"));
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        var repUser = user(users.loadUserByUsername(rep.email()));
        long id = lead(rep.email(), "Moradi");

        mvc.perform(get("/leads/" + id + "/qualification").with(repUser))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Have you set aside a budget for this purchase?")));
        mvc.perform(get("/settings/questions").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("آیا بودجه ای برای این خرید در نظر گرفته اید؟")));
        mvc.perform(get("/settings/questions").with(repUser)).andExpect(status().isForbidden());
        mvc.perform(post("/settings/questions").with(repUser).with(csrf()).param("q_en_BUDGET", "Hijacked?"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/settings/questions")
                        .with(admin)
                        .with(csrf())
                        .param("version", "0")
                        .param("q_en_BUDGET", "Who owns the budget line?\r\n\r\nHow big is it?")
                        .param("q_fa_BUDGET", "صاحب بودجه کیست؟"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/leads/" + id + "/qualification").with(repUser))
                .andExpect(content()
                        .string(allOf(
                                containsString("Who owns the budget line?"),
                                containsString("How big is it?"),
                                not(containsString("Have you set aside a budget")))));
    }

    @Test
    void aStaleSaveShowsTheOtherAnswersAndConvertingAnUnqualifiedLeadShowsTheBlockers() throws Exception {
        var ws = workspaces.create();
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        long id = lead(ws.adminEmail(), "Garcia");
        mvc.perform(post("/leads/" + id + "/qualification")
                        .with(admin)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("budgetStatus", "MET")
                        .param("budgetNote", "first answer")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("first answer"), not(containsString("qualification-stale")))));
        mvc.perform(post("/leads/" + id + "/qualification")
                        .with(admin)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("budgetStatus", "NOT_MET")
                        .param("budgetNote", "late answer")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(allOf(containsString("qualification-stale"), containsString("first answer"))));

        mvc.perform(get("/leads/" + id + "/convert").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("convert-refused")));
        mvc.perform(post("/leads/" + id + "/convert")
                        .with(admin)
                        .with(csrf())
                        .param("opportunityName", "Too soon")
                        .param("account", "new"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("convert-refused"), containsString("Authority"))));
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("NEW"));
    }
}
