package org.pipelinecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A lead's optional numbers cleared in place, and its owner and team chosen from the workspace's people and teams. */
@IntegrationTest
class LeadFieldsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Leads leads;

    @Autowired
    People people;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor signedIn(String email) {
        return user(users.loadUserByUsername(email));
    }

    private ResultActions edit(RequestPostProcessor who, long lead, String field, String value, long version)
            throws Exception {
        return mvc.perform(post("/leads/" + lead + "/field")
                .with(who)
                .with(csrf())
                .accept(MediaType.APPLICATION_JSON)
                .param("field", field)
                .param("value", value)
                .param("version", String.valueOf(version)));
    }

    @Test
    void sizeAndRevenueAreClearedAndOwnerAndTeamChosenInPlace() throws Exception {
        var ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East " + ws.suffix());
        var rep = workspaces.addPerson(ws, Role.SALES_REP, east);
        var gone = workspaces.addPerson(ws, Role.SALES_REP, east);
        var admin = signedIn(ws.adminEmail());
        LeadView made = workspaces.as(
                ws.adminEmail(),
                () -> leads.create(
                        new LeadDetails(
                                "Leila",
                                "Sadeghi",
                                null,
                                null,
                                "Sadeghi Co",
                                null,
                                null,
                                null,
                                120,
                                new BigDecimal("5000000"),
                                null,
                                LeadType.MQL,
                                null,
                                null,
                                null),
                        true,
                        CurrentUser.actor()));
        long id = made.id();

        edit(admin, id, "companySize", "", made.version())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(""));
        LeadView now = workspaces.as(ws.adminEmail(), () -> leads.get(id, CurrentUser.actor()));
        assertThat(now.companySize()).isNull();
        assertThat(now.annualRevenue()).isEqualByComparingTo("5000000");
        edit(admin, id, "annualRevenue", " ", now.version()).andExpect(status().isOk());
        now = workspaces.as(ws.adminEmail(), () -> leads.get(id, CurrentUser.actor()));
        assertThat(now.annualRevenue()).isNull();
        assertThat(now.company()).isEqualTo("Sadeghi Co");

        // the owner and team are chosen on the page, from the workspace's active people and its teams
        workspaces.as(ws.adminEmail(), () -> {
            var g = people.user(gone.id());
            return people.changeUser(g.id(), g.name(), g.role(), g.teamId(), false, g.version(), CurrentUser.actor());
        });
        mvc.perform(get("/leads/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"lead-owner-options\"")))
                .andExpect(content().string(containsString("<option value=\"" + rep.id() + "\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(containsString("<option value=\"" + gone.id() + "\""))))
                .andExpect(content().string(containsString("<option value=\"" + east + "\"")));
        edit(admin, id, "ownerId", String.valueOf(rep.id()), now.version())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.display").value("SALES_REP " + ws.suffix()));
        now = workspaces.as(ws.adminEmail(), () -> leads.get(id, CurrentUser.actor()));
        edit(admin, id, "teamId", String.valueOf(east), now.version())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.display").value("East " + ws.suffix()));
        now = workspaces.as(ws.adminEmail(), () -> leads.get(id, CurrentUser.actor()));
        assertThat(now.ownerId()).isEqualTo(rep.id());
        assertThat(now.teamId()).isEqualTo(east);

        // a deactivated person, another workspace's team or a stale page is refused, and nothing changes
        edit(admin, id, "ownerId", String.valueOf(gone.id()), now.version())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        var elsewhere = workspaces.create();
        long foreignTeam = workspaces.addTeam(elsewhere, "Foreign " + elsewhere.suffix());
        edit(admin, id, "teamId", String.valueOf(foreignTeam), now.version())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));
        edit(admin, id, "ownerId", "", now.version() - 1).andExpect(status().isConflict());
        now = workspaces.as(ws.adminEmail(), () -> leads.get(id, CurrentUser.actor()));
        assertThat(now.ownerId()).isEqualTo(rep.id());
        assertThat(now.teamId()).isEqualTo(east);
        // empty leaves the lead to its team's queue
        edit(admin, id, "ownerId", "", now.version()).andExpect(status().isOk());
        assertThat(workspaces
                        .as(ws.adminEmail(), () -> leads.get(id, CurrentUser.actor()))
                        .ownerId())
                .isNull();
    }
}
