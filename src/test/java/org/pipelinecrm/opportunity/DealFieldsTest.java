package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Timeline;
import org.pipelinecrm.activity.TimelineEntry;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A deal's page: its close date cleared in place, its owner and team changed there, all its account's contacts. */
@IntegrationTest
class DealFieldsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    Timeline timeline;

    private RequestPostProcessor signedIn(String email) {
        return user(users.loadUserByUsername(email));
    }

    private ResultActions edit(RequestPostProcessor who, long deal, String field, String value, long version)
            throws Exception {
        return mvc.perform(post("/opportunities/" + deal + "/field")
                .with(who)
                .with(csrf())
                .accept(MediaType.APPLICATION_JSON)
                .param("field", field)
                .param("value", value)
                .param("version", String.valueOf(version)));
    }

    private OpportunityView deal(String email, long id) {
        return workspaces.as(email, () -> opportunities.opportunity(id));
    }

    @Test
    void theCloseDateIsClearedAndTheOwnerAndTeamChangedInPlaceByTheFormsRules() throws Exception {
        var ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East " + ws.suffix());
        long west = workspaces.addTeam(ws, "West " + ws.suffix());
        var rep = workspaces.addPerson(ws, Role.SALES_REP, east);
        var other = workspaces.addPerson(ws, Role.SALES_REP, west);
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        long id = workspaces.addDeal(rep.email(), "Field deal " + ws.suffix());
        var asRep = signedIn(rep.email());
        var asManager = signedIn(manager.email());

        edit(asRep, id, "expectedCloseDate", "2027-03-01", 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value("2027-03-01"));
        assertThat(deal(rep.email(), id).expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        long version = deal(rep.email(), id).version();
        // empty clears it: none stored, the page shows "—"
        edit(asRep, id, "expectedCloseDate", "", version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(""))
                .andExpect(jsonPath("$.version").value(version + 1));
        assertThat(deal(rep.email(), id).expectedCloseDate()).isNull();
        mvc.perform(get("/opportunities/" + id).with(asRep))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"expectedCloseDate\"")))
                .andExpect(content().string(not(containsString("2027"))))
                // a rep does not give deals away: the owner is shown, not offered
                .andExpect(content().string(not(containsString("data-field=\"ownerId\""))));
        version = deal(rep.email(), id).version();

        // as the deal form: a rep does not give a deal to someone else
        edit(asRep, id, "ownerId", String.valueOf(other.id()), version).andExpect(status().isForbidden());
        assertThat(deal(rep.email(), id).ownerId()).isEqualTo(rep.id());

        mvc.perform(get("/opportunities/" + id).with(asManager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"ownerId\"")))
                .andExpect(content().string(containsString("id=\"deal-team-options\"")));
        // a manager gives it to another rep, who brings their team
        edit(asManager, id, "ownerId", String.valueOf(other.id()), version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(String.valueOf(other.id())))
                .andExpect(jsonPath("$.display").value("SALES_REP " + ws.suffix()));
        OpportunityView given = deal(manager.email(), id);
        assertThat(given.ownerId()).isEqualTo(other.id());
        assertThat(given.teamId()).isEqualTo(west);
        // then moves it to the other team, keeping the owner
        edit(asManager, id, "teamId", String.valueOf(east), given.version())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.display").value("East " + ws.suffix()));
        assertThat(deal(manager.email(), id).teamId()).isEqualTo(east);
        assertThat(deal(manager.email(), id).ownerId()).isEqualTo(other.id());

        // the page the manager had is stale now: 409 naming who changed it
        edit(asManager, id, "teamId", String.valueOf(west), given.version())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale"));
        // a made-up person or team is refused at the field, in the reader's language
        long now = deal(manager.email(), id).version();
        edit(asManager, id, "ownerId", "999999999", now)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        mvc.perform(post("/opportunities/" + id + "/field")
                        .with(asManager)
                        .with(csrf())
                        .cookie(new Cookie("crm-lang", "fa"))
                        .header("Accept-Language", "fa")
                        .accept(MediaType.APPLICATION_JSON)
                        .param("field", "teamId")
                        .param("value", "999999999")
                        .param("version", String.valueOf(now)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("این تیم")));
        // another workspace's person is as unknown as a made-up one
        var elsewhere = workspaces.create();
        edit(asManager, id, "ownerId", String.valueOf(elsewhere.adminId()), now).andExpect(status().isBadRequest());
        assertThat(deal(manager.email(), id).ownerId()).isEqualTo(other.id());
    }

    @Test
    void theDealPageListsEveryContactOfItsAccountAndAddsOneInAClick() throws Exception {
        var ws = workspaces.create();
        var admin = signedIn(ws.adminEmail());
        long id = workspaces.addDeal(ws.adminEmail(), "Contacts deal " + ws.suffix());
        long account = workspaces.as(ws.adminEmail(), () -> {
            long a = accounts.findOrCreateByName("Contacts Co " + ws.suffix()).id();
            accounts.addContact(
                    a, new Accounts.ContactCmd("Sara", "Karimi", "sara@contacts.example", "+98 21 555", "CFO", null));
            accounts.addContact(a, new Accounts.ContactCmd("Omid", "Naderi", null, null, "Engineer", null));
            return a;
        });
        edit(admin, id, "accountName", "Contacts Co " + ws.suffix(), 0).andExpect(status().isOk());

        mvc.perform(get("/opportunities/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sara Karimi")))
                .andExpect(content().string(containsString("CFO")))
                .andExpect(content().string(containsString("sara@contacts.example")))
                .andExpect(content().string(containsString("+98 21 555")))
                .andExpect(content().string(containsString("Omid Naderi")))
                .andExpect(content()
                        .string(containsString("href=\"/accounts/" + account + "/contacts/new?deal=" + id + "\"")));
        // the contact form opened from the deal comes back to the deal, which now lists the new contact
        mvc.perform(get("/accounts/" + account + "/contacts/new")
                        .param("deal", String.valueOf(id))
                        .with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"deal\" value=\"" + id + "\"")));
        mvc.perform(post("/accounts/" + account + "/contacts")
                        .with(admin)
                        .with(csrf())
                        .param("lastName", "Tehrani")
                        .param("firstName", "Mina")
                        .param("deal", String.valueOf(id)))
                .andExpect(redirectedUrl("/opportunities/" + id));
        mvc.perform(get("/opportunities/" + id).with(admin))
                .andExpect(content().string(containsString("Mina Tehrani")));
    }

    @Test
    void anAmountTypedEmptyLeavesTheDealWithoutOneShownAsADash() throws Exception {
        var ws = workspaces.create();
        var admin = signedIn(ws.adminEmail());
        long id = workspaces.addDeal(ws.adminEmail(), "Amount deal " + ws.suffix());
        edit(admin, id, "amount", "12500", 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value("12500"));
        long version = deal(ws.adminEmail(), id).version();
        edit(admin, id, "amount", "", version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(""))
                .andExpect(jsonPath("$.display").value(""))
                .andExpect(jsonPath("$.version").value(version + 1));
        // no amount, not 0
        assertThat(deal(ws.adminEmail(), id).amount()).isNull();
        mvc.perform(get("/opportunities/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(matchesPattern(
                                "(?s).*id=\"deal-amount\"[^>]*><span [^>]*data-field=\"amount\"[^>]*>—</span>.*")));
    }

    @Test
    void anotherContactOfTheAccountBecomesTheMainOneInPlaceWithTheVersion() throws Exception {
        var ws = workspaces.create();
        var admin = signedIn(ws.adminEmail());
        long id = workspaces.addDeal(ws.adminEmail(), "Main contact deal " + ws.suffix());
        long[] contacts = workspaces.as(ws.adminEmail(), () -> {
            long a = accounts.findOrCreateByName("Main Co " + ws.suffix()).id();
            long sara = accounts.addContact(a, new Accounts.ContactCmd("Sara", "Karimi", null, null, "CFO", null))
                    .id();
            long omid = accounts.addContact(a, new Accounts.ContactCmd("Omid", "Naderi", null, null, null, null))
                    .id();
            long other = accounts.addContact(
                            accounts.findOrCreateByName("Other Co " + ws.suffix())
                                    .id(),
                            new Accounts.ContactCmd("Nima", "Rad", null, null, null, null))
                    .id();
            return new long[] {sara, omid, other};
        });
        edit(admin, id, "accountName", "Main Co " + ws.suffix(), 0).andExpect(status().isOk());
        mvc.perform(get("/opportunities/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-contact-id=\"" + contacts[0] + "\"")))
                .andExpect(content().string(containsString("Make main contact")));

        long version = deal(ws.adminEmail(), id).version();
        edit(admin, id, "contactId", String.valueOf(contacts[0]), version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(String.valueOf(contacts[0])))
                .andExpect(jsonPath("$.version").value(version + 1));
        assertThat(deal(ws.adminEmail(), id).contactId()).isEqualTo(contacts[0]);
        // the page that still holds the old version is told it is stale, and the main contact stays
        edit(admin, id, "contactId", String.valueOf(contacts[1]), version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale"));
        edit(admin, id, "contactId", String.valueOf(contacts[1]), version + 1).andExpect(status().isOk());
        assertThat(deal(ws.adminEmail(), id).contactId()).isEqualTo(contacts[1]);
        // a contact of another account is refused; one of another workspace is not found
        edit(admin, id, "contactId", String.valueOf(contacts[2]), version + 2)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("opportunity.contactElsewhere"));
        var elsewhere = workspaces.create();
        long foreign = workspaces.as(
                elsewhere.adminEmail(),
                () -> accounts.addContact(
                                accounts.findOrCreateByName("Far Co").id(),
                                new Accounts.ContactCmd("Far", "Away", null, null, null, null))
                        .id());
        edit(admin, id, "contactId", String.valueOf(foreign), version + 2).andExpect(status().isNotFound());
        assertThat(deal(ws.adminEmail(), id).contactId()).isEqualTo(contacts[1]);
        // both changes are on the deal's timeline, by name
        var entries = workspaces
                .as(ws.adminEmail(), () -> timeline.of(RecordType.OPPORTUNITY, id, "EDIT", 0, CurrentUser.actor()))
                .entries();
        assertThat(entries)
                .extracting(TimelineEntry::detail)
                .contains("(empty) → Sara Karimi", "Sara Karimi → Omid Naderi");
        assertThat(entries).extracting(TimelineEntry::title).contains("Changed Contact");
    }
}
