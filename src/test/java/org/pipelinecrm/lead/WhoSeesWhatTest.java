package org.pipelinecrm.lead;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.Activities;
import org.pipelinecrm.activity.ActivityKind;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Who sees a lead: its creator, the marketing team for web-form leads, and a page that says why when one may not. */
@IntegrationTest
class WhoSeesWhatTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    @Autowired
    Workspaces settings;

    @Autowired
    Activities activities;

    @Autowired
    Tasks tasks;

    private RequestPostProcessor signedIn(String email) {
        return user(users.loadUserByUsername(email));
    }

    private long created(RequestPostProcessor who, String lastName, long teamId) throws Exception {
        String location = mvc.perform(post("/leads")
                        .with(who)
                        .with(csrf())
                        .param("lastName", lastName)
                        .param("company", lastName + " Ltd")
                        .param("type", "MQL")
                        .param("teamId", String.valueOf(teamId)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aMarketerKeepsSeeingTheLeadTheyCreatedForAnotherTeam() throws Exception {
        var ws = workspaces.create();
        long marketing = workspaces.addTeam(ws, "Marketing " + ws.suffix());
        long field = workspaces.addTeam(ws, "Field " + ws.suffix());
        var marketer =
                signedIn(workspaces.addPerson(ws, Role.MARKETER, marketing).email());
        var otherMarketer =
                signedIn(workspaces.addPerson(ws, Role.MARKETER, marketing).email());

        long id = created(marketer, "Karimi", field);

        // no 404 after "Create": the page, the list and the API answer the creator
        mvc.perform(get("/leads/" + id).with(marketer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Karimi")));
        mvc.perform(get("/leads").with(marketer)).andExpect(content().string(containsString("Karimi")));
        // a teammate who did not create it does not see the field team's lead
        mvc.perform(get("/leads/" + id).with(otherMarketer)).andExpect(status().isNotFound());
    }

    @Test
    void aWebFormLeadWithoutARouteGoesToTheMarketingTeamAndItsMarketersSeeIt() throws Exception {
        var ws = workspaces.create();
        long inbound = workspaces.addTeam(ws, "Inbound " + ws.suffix());
        long marketing = workspaces.addTeam(ws, "Demand " + ws.suffix());
        workspaces.addPerson(ws, Role.SALES_REP, inbound);
        var marketer = workspaces.addPerson(ws, Role.MARKETER, marketing);
        workspaces.addPerson(ws, Role.MARKETER, marketing);
        String key = workspaces.as(ws.adminEmail(), () -> settings.current().formKey());

        mvc.perform(post("/forms/" + key)
                        .with(request -> {
                            request.setRemoteAddr("192.0.2.77");
                            return request;
                        })
                        .param("lastName", "Visitor")
                        .param("email", "visitor-" + ws.suffix() + "@visitor.test"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/leads?q=visitor").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].teamId").value(marketing));
        mvc.perform(get("/leads").with(signedIn(marketer.email())))
                .andExpect(content().string(containsString("Visitor")));
        // the settings page says where leads go when no team is chosen
        mvc.perform(get("/settings/web-form").with(signedIn(ws.adminEmail())))
                .andExpect(content().string(containsString("id=\"route-team-hint\"")));
    }

    @Test
    void aLeadOrDealOfTheWorkspaceOneMayNotSeeSaysWhyAndAnotherWorkspacesIdDoesNot() throws Exception {
        var ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East " + ws.suffix());
        long west = workspaces.addTeam(ws, "West " + ws.suffix());
        var eastRep = workspaces.addPerson(ws, Role.SALES_REP, east);
        var westRep = workspaces.addPerson(ws, Role.SALES_REP, west);
        long lead = created(signedIn(ws.adminEmail()), "Hidden", west);
        long deal = workspaces.addDeal(westRep.email(), "West deal " + ws.suffix());
        var rep = signedIn(eastRep.email());

        mvc.perform(get("/leads/" + lead).with(rep))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("You cannot see this record")))
                .andExpect(content().string(containsString("belongs to the team West " + ws.suffix())));
        mvc.perform(get("/opportunities/" + deal).with(rep))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("West " + ws.suffix())))
                .andExpect(content().string(containsString("data-code=\"hidden\"")));
        // in Persian too
        mvc.perform(get("/leads/" + lead).with(rep).cookie(new Cookie("crm-lang", "fa")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("شما نمی‌توانید این رکورد را ببینید")));
        // the API still answers a plain 404
        mvc.perform(get("/api/v1/leads/" + lead).with(eastRep.basic()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("West"))));

        // another workspace's lead is answered exactly as an id that exists nowhere
        var other = workspaces.create();
        var stranger = signedIn(other.adminEmail());
        String foreign = mvc.perform(get("/leads/" + lead).with(stranger))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String nowhere = mvc.perform(get("/leads/" + Long.MAX_VALUE).with(stranger))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(message(foreign))
                .contains("data-code=\"not-found\"")
                .isEqualTo(message(nowhere));
        org.assertj.core.api.Assertions.assertThat(foreign).doesNotContain("You cannot see");
    }

    @Test
    void anActivityOrTaskOnADealOneMayNotSeeSaysWhyAndLinksTheDeal() throws Exception {
        var ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East " + ws.suffix());
        long west = workspaces.addTeam(ws, "West " + ws.suffix());
        var eastRep = workspaces.addPerson(ws, Role.SALES_REP, east);
        var westRep = workspaces.addPerson(ws, Role.SALES_REP, west);
        long deal = workspaces.addDeal(westRep.email(), "West deal " + ws.suffix());
        long call = workspaces.as(
                westRep.email(),
                () -> activities
                        .log(
                                new Activities.LogActivityCmd(
                                        ActivityKind.CALL,
                                        RecordType.OPPORTUNITY,
                                        deal,
                                        new Activities.ActivityDetails(
                                                "First call", null, null, null, null, null, null, null)),
                                CurrentUser.actor())
                        .id());
        long task = workspaces.as(
                westRep.email(),
                () -> tasks.add(
                                new Tasks.TaskCmd(
                                        "Send the offer",
                                        java.time.Instant.now().plusSeconds(3600),
                                        null,
                                        null,
                                        RecordType.OPPORTUNITY,
                                        deal),
                                CurrentUser.actor())
                        .id());
        var rep = signedIn(eastRep.email());

        mvc.perform(get("/activities/" + call + "/edit").with(rep))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("You cannot see this record")))
                .andExpect(content().string(containsString("logged on a deal you cannot see")))
                .andExpect(content().string(containsString("href=\"/opportunities/" + deal + "\"")));
        mvc.perform(get("/activities/new")
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", String.valueOf(deal))
                        .with(rep)
                        .cookie(new Cookie("crm-lang", "fa")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("این معامله از دید شما بیرون است")));
        mvc.perform(post("/tasks/" + task + "/complete").with(rep).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("neither assigned to you nor made by you")));
        // the API answers a plain 404, naming nothing
        mvc.perform(get("/api/v1/activities/" + call).with(eastRep.basic()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("deal"))));
        // whoever may see the deal still opens its activity
        mvc.perform(get("/activities/" + call + "/edit").with(signedIn(westRep.email())))
                .andExpect(status().isOk());
    }

    private static String message(String page) {
        var m = java.util.regex.Pattern.compile("<p id=\"error-message\"[^>]*>[^<]*</p>")
                .matcher(page);
        return m.find() ? m.group() : page;
    }
}
