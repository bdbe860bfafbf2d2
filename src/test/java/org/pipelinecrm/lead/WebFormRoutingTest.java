package org.pipelinecrm.lead;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class WebFormRoutingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Workspaces settings;

    @Autowired
    UserDetailsService users;

    @Autowired
    People people;

    private String key(TestWorkspaces.Workspace ws) {
        return workspaces.as(ws.adminEmail(), () -> settings.current().formKey());
    }

    private RequestPostProcessor signedIn(String email) {
        return user(users.loadUserByUsername(email));
    }

    private void submit(String key, String lastName, String address) throws Exception {
        mvc.perform(post("/forms/" + key)
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        })
                        .param("lastName", lastName)
                        .param("email", lastName.toLowerCase() + "@visitor.test"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("web-form-thanks")));
    }

    @Test
    void leadsFromTheFormLandWithTheChosenTeamAndOwnerAndTheTeamsRepsSeeThem() throws Exception {
        var ws = workspaces.create();
        long inbound = workspaces.addTeam(ws, "Inbound " + ws.suffix());
        var owner = workspaces.addPerson(ws, Role.SALES_REP, inbound);
        var teammate = workspaces.addPerson(ws, Role.SALES_REP, inbound);
        var admin = signedIn(ws.adminEmail());

        // Without a choice the lead waits without team or owner, and a rep does not see it.
        submit(key(ws), "Before", "192.0.2.41");
        mvc.perform(get("/api/v1/leads?q=before").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].teamId").value(nullValue()))
                .andExpect(jsonPath("$.items[0].ownerId").value(nullValue()));
        mvc.perform(get("/leads").with(signedIn(teammate.email())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Before"))));

        mvc.perform(post("/settings/web-form/route")
                        .with(admin)
                        .with(csrf())
                        .param("teamId", String.valueOf(inbound))
                        .param("ownerId", String.valueOf(owner.id()))
                        .param("version", "0"))
                .andExpect(redirectedUrl("/settings/web-form"));
        mvc.perform(get("/settings/web-form").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + inbound + "\" selected=\"selected\">")))
                .andExpect(content()
                        .string(containsString(
                                "value=\"" + owner.id() + "\" data-team=\"" + inbound + "\" selected=\"selected\"")));

        submit(key(ws), "Arrived", "192.0.2.42");
        mvc.perform(get("/api/v1/leads?q=arrived").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].teamId").value(inbound))
                .andExpect(jsonPath("$.items[0].ownerId").value(owner.id()));
        // A rep of the team who is not the owner sees it in the lead list.
        mvc.perform(get("/leads").with(signedIn(teammate.email())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Arrived")))
                .andExpect(content().string(not(containsString("Before"))));
    }

    @Test
    void anOwnerAloneBringsTheirTeamAndAnOwnerDeactivatedSinceIsSkipped() throws Exception {
        var ws = workspaces.create();
        long inbound = workspaces.addTeam(ws, "Inbound " + ws.suffix());
        var owner = workspaces.addPerson(ws, Role.SALES_REP, inbound);
        mvc.perform(post("/settings/web-form/route")
                        .with(signedIn(ws.adminEmail()))
                        .with(csrf())
                        .param("teamId", "")
                        .param("ownerId", String.valueOf(owner.id()))
                        .param("version", "0"))
                .andExpect(redirectedUrl("/settings/web-form"));
        submit(key(ws), "Alone", "192.0.2.43");
        mvc.perform(get("/api/v1/leads?q=alone").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].ownerId").value(owner.id()))
                .andExpect(jsonPath("$.items[0].teamId").value(inbound));

        mvc.perform(post("/settings/web-form/route")
                        .with(signedIn(ws.adminEmail()))
                        .with(csrf())
                        .param("teamId", String.valueOf(inbound))
                        .param("ownerId", String.valueOf(owner.id()))
                        .param("version", "0"))
                .andExpect(redirectedUrl("/settings/web-form"));
        workspaces.as(ws.adminEmail(), () -> {
            var u = people.user(owner.id());
            return people.changeUser(u.id(), u.name(), u.role(), u.teamId(), false, u.version(), CurrentUser.actor());
        });
        submit(key(ws), "Later", "192.0.2.44");
        mvc.perform(get("/api/v1/leads?q=later").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].ownerId").value(nullValue()))
                .andExpect(jsonPath("$.items[0].teamId").value(inbound));
    }

    @Test
    void anOwnerOutsideTheTeamADeactivatedPersonAMissingTeamAndAStaleVersionAreRefused() throws Exception {
        var ws = workspaces.create();
        long inbound = workspaces.addTeam(ws, "Inbound " + ws.suffix());
        long field = workspaces.addTeam(ws, "Field " + ws.suffix());
        var outsider = workspaces.addPerson(ws, Role.SALES_REP, field);
        var leaver = workspaces.addPerson(ws, Role.SALES_REP, inbound);
        workspaces.as(ws.adminEmail(), () -> {
            var u = people.user(leaver.id());
            return people.changeUser(u.id(), u.name(), u.role(), u.teamId(), false, u.version(), CurrentUser.actor());
        });
        var admin = signedIn(ws.adminEmail());

        mvc.perform(post("/settings/web-form/route")
                        .with(admin)
                        .with(csrf())
                        .param("teamId", String.valueOf(inbound))
                        .param("ownerId", String.valueOf(outsider.id()))
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The owner must be a member of the chosen team.")));
        mvc.perform(post("/settings/web-form/route")
                        .with(admin)
                        .with(csrf())
                        .param("teamId", String.valueOf(inbound))
                        .param("ownerId", String.valueOf(leaver.id()))
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("That person is deactivated")));
        // A team id from nowhere (another workspace's, or one removed meanwhile), in Persian.
        long otherTeam = workspaces.addTeam(workspaces.create(), "Elsewhere");
        mvc.perform(post("/settings/web-form/route")
                        .with(admin)
                        .with(csrf())
                        .cookie(new Cookie("crm-lang", "fa"))
                        .param("teamId", String.valueOf(otherTeam))
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("این تیم دیگر وجود ندارد")));
        mvc.perform(get("/settings/web-form").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("selected=\"selected\">Inbound"))));

        mvc.perform(post("/settings/web-form/route")
                        .with(admin)
                        .with(csrf())
                        .param("teamId", String.valueOf(field))
                        .param("version", "0"))
                .andExpect(redirectedUrl("/settings/web-form"));
        mvc.perform(post("/settings/web-form/route")
                        .with(admin)
                        .with(csrf())
                        .param("teamId", String.valueOf(inbound))
                        .param("version", "0"))
                .andExpect(redirectedUrl("/settings/web-form"));
        // A page opened before that second save holds a stale version.
        mvc.perform(post("/settings/web-form/route")
                        .with(admin)
                        .with(csrf())
                        .param("teamId", String.valueOf(field))
                        .param("version", "0"))
                .andExpect(status().isConflict());
        // Marketers see the choice but cannot change it.
        var marketer = workspaces.addPerson(ws, Role.MARKETER, null);
        mvc.perform(get("/settings/web-form").with(signedIn(marketer.email())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Inbound " + ws.suffix())))
                .andExpect(content().string(not(containsString("id=\"web-form-route\""))));
        mvc.perform(post("/settings/web-form/route")
                        .with(signedIn(marketer.email()))
                        .with(csrf())
                        .param("teamId", "")
                        .param("version", "1"))
                .andExpect(status().isForbidden());
    }
}
