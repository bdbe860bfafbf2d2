package org.pipelinecrm.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.activity.Activities.ActivityDetails;
import org.pipelinecrm.activity.Activities.LogActivityCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The shared timeline of leads, accounts and contacts, as the record pages load it. */
@IntegrationTest
class RecordTimelinesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Accounts accounts;

    @Autowired
    Opportunities opportunities;

    @Autowired
    Activities activities;

    @Autowired
    Timeline timeline;

    @Autowired
    Tasks tasks;

    @Autowired
    UserLookup users;

    @Test
    void anAccountsTimelineHoldsItsOwnItsDealsAndItsContactsActivities() throws Exception {
        var ws = workspaces.create();
        String admin = ws.adminEmail();
        long account = workspaces.as(
                admin,
                () -> accounts.create(new Accounts.AccountCmd("Umbrella Corp", null, null, null, null, null))
                        .id());
        long contact = workspaces.as(
                admin,
                () -> accounts.addContact(account, new Accounts.ContactCmd("Alice", "Wong", null, null, "CFO", null))
                        .id());
        long deal = workspaces.as(
                admin,
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                "Umbrella rollout",
                                account,
                                null,
                                null,
                                null,
                                new BigDecimal("100"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
        long otherAccount = workspaces.as(
                admin,
                () -> accounts.create(new Accounts.AccountCmd("Other Inc", null, null, null, null, null))
                        .id());
        log(admin, RecordType.ACCOUNT, account, ActivityKind.NOTE, "Account note", "2026-02-01T10:00:00Z");
        log(admin, RecordType.CONTACT, contact, ActivityKind.CALL, "Call with Alice", "2026-02-02T10:00:00Z");
        log(admin, RecordType.OPPORTUNITY, deal, ActivityKind.MEETING, "Rollout meeting", "2026-02-03T10:00:00Z");
        log(admin, RecordType.ACCOUNT, otherAccount, ActivityKind.NOTE, "Someone else's note", "2026-02-04T10:00:00Z");

        var entries = workspaces
                .as(admin, () -> timeline.of(RecordType.ACCOUNT, account, null, 0, CurrentUser.actor()))
                .entries();
        assertThat(entries)
                .extracting(TimelineEntry::title)
                .containsExactly("Rollout meeting · Umbrella rollout", "Call with Alice · Alice Wong", "Account note");
        assertThat(entries.get(0).link()).isEqualTo("/opportunities/" + deal);
        assertThat(workspaces
                        .as(admin, () -> timeline.of(RecordType.CONTACT, contact, null, 0, CurrentUser.actor()))
                        .entries())
                .extracting(TimelineEntry::title)
                .containsExactly("Call with Alice");

        var signedIn = user(users.loadUserByUsername(admin));
        mvc.perform(get("/timeline")
                        .param("recordType", "ACCOUNT")
                        .param("recordId", "" + account)
                        .with(signedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Call with Alice")))
                .andExpect(content().string(not(containsString("Someone else"))));
        mvc.perform(get("/timeline")
                        .param("recordType", "CONTACT")
                        .param("recordId", "" + contact)
                        .with(user(users.loadUserByUsername(workspaces.create().adminEmail()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAccountsTimelineHoldsItsDealsAndContactsTasks() throws Exception {
        var ws = workspaces.create();
        String admin = ws.adminEmail();
        long account = workspaces.as(
                admin,
                () -> accounts.create(new Accounts.AccountCmd("Initech", null, null, null, null, null))
                        .id());
        long contact = workspaces.as(
                admin,
                () -> accounts.addContact(account, new Accounts.ContactCmd("Bill", "Lumbergh", null, null, "VP", null))
                        .id());
        long deal = workspaces.as(
                admin,
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                "Initech licences",
                                account,
                                null,
                                null,
                                null,
                                new BigDecimal("100"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
        long otherAccount = workspaces.as(
                admin,
                () -> accounts.create(new Accounts.AccountCmd("Chotchkie's", null, null, null, null, null))
                        .id());
        long otherDeal = workspaces.as(
                admin,
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                "Flair",
                                otherAccount,
                                null,
                                null,
                                null,
                                new BigDecimal("5"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
        task(admin, RecordType.ACCOUNT, account, "Renew the NDA", "2030-01-05T09:00:00Z");
        task(admin, RecordType.OPPORTUNITY, deal, "Send the licence quote", "2030-01-04T09:00:00Z");
        task(admin, RecordType.CONTACT, contact, "Ask Bill for the org chart", "2030-01-03T09:00:00Z");
        task(admin, RecordType.OPPORTUNITY, otherDeal, "Someone else's task", "2030-01-02T09:00:00Z");
        long done = task(admin, RecordType.OPPORTUNITY, deal, "Book the demo", "2030-01-01T09:00:00Z");
        workspaces.as(admin, () -> tasks.complete(done, null, CurrentUser.actor()));

        var onlyTasks = workspaces
                .as(admin, () -> timeline.of(RecordType.ACCOUNT, account, "TASK", 0, CurrentUser.actor()))
                .entries();
        assertThat(onlyTasks)
                .extracting(TimelineEntry::title)
                .containsExactly(
                        "Renew the NDA",
                        "Send the licence quote · Initech licences",
                        "Ask Bill for the org chart · Bill Lumbergh",
                        "Book the demo · Initech licences");
        assertThat(onlyTasks)
                .extracting(TimelineEntry::link)
                .containsExactly(null, "/opportunities/" + deal, "/contacts/" + contact, "/opportunities/" + deal);
        assertThat(onlyTasks).extracting(TimelineEntry::detail).containsExactly("OPEN", "OPEN", "OPEN", "DONE");
        // Unfiltered, the tasks sit among the activities; the deal's own timeline keeps only its own.
        assertThat(workspaces
                        .as(admin, () -> timeline.of(RecordType.ACCOUNT, account, null, 0, CurrentUser.actor()))
                        .entries())
                .extracting(TimelineEntry::title)
                .contains("Send the licence quote · Initech licences")
                .doesNotContain("Someone else's task · Flair");
        assertThat(workspaces
                        .as(admin, () -> timeline.of(RecordType.OPPORTUNITY, deal, "TASK", 0, CurrentUser.actor()))
                        .entries())
                .extracting(TimelineEntry::title)
                .containsExactly("Send the licence quote", "Book the demo");
        mvc.perform(get("/timeline")
                        .param("recordType", "ACCOUNT")
                        .param("recordId", "" + account)
                        .with(user(users.loadUserByUsername(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ask Bill for the org chart")))
                .andExpect(content().string(not(containsString("Someone else"))));
    }

    private long task(String email, RecordType type, long id, String title, String due) {
        return workspaces.as(
                email,
                () -> tasks.add(new Tasks.TaskCmd(title, Instant.parse(due), null, null, type, id), CurrentUser.actor())
                        .id());
    }

    @Test
    void aLeadsTimelineMergesItsHistoryWithItsActivitiesAndFiltersHandoffs() throws Exception {
        var ws = workspaces.create();
        String created = mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Lead\", \"company\": \"Soylent\", \"type\": \"MQL\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long lead = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/leads/" + lead + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"asked for pricing\"}"))
                .andExpect(status().isOk());
        log(
                ws.adminEmail(),
                RecordType.LEAD,
                lead,
                ActivityKind.EMAIL,
                "Sent the brochure",
                Instant.now().plusSeconds(-5).toString());

        var all = workspaces
                .as(ws.adminEmail(), () -> timeline.of(RecordType.LEAD, lead, null, 0, CurrentUser.actor()))
                .entries();
        assertThat(all).extracting(TimelineEntry::kind).contains("HANDOFF", "CREATED", "EMAIL");
        var handoffs = workspaces
                .as(ws.adminEmail(), () -> timeline.of(RecordType.LEAD, lead, "HANDOFF", 0, CurrentUser.actor()))
                .entries();
        assertThat(handoffs).extracting(TimelineEntry::title).containsExactly("Handed off to sales");
        assertThat(handoffs.get(0).detail()).isEqualTo("asked for pricing");

        mvc.perform(get("/leads/" + lead).with(user(users.loadUserByUsername(ws.adminEmail()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/timeline?recordType=LEAD")));
    }

    private void log(String email, RecordType type, long id, ActivityKind kind, String subject, String at) {
        workspaces.as(
                email,
                () -> activities.log(
                        new LogActivityCmd(
                                kind,
                                type,
                                id,
                                new ActivityDetails(subject, null, null, Instant.parse(at), null, null, null, null)),
                        CurrentUser.actor()));
    }
}
