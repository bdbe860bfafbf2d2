package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reps of an imported history who never worked here are marked as former reps where people are picked and
 * on the dashboard's rep rows, in both languages; they keep their deals but are given no new ones.
 */
@IntegrationTest
class FormerRepsTest {

    static final String HISTORY = "Deal ID,Deal Name,Stage,Amount,Created,Closed,Deal Owner\n"
            + "F-1,Old win,Closed won,1000,2025-02-03,2025-03-17,Gone Rep\n"
            + "F-2,Old open,Proposal,500,2025-02-05,,Gone Rep\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    People people;

    // a Persian workspace's pipeline has its stages in Persian
    static final String PERSIAN_HISTORY =
            HISTORY.replace("Closed won", "بسته‌شده ـ موفق").replace("Proposal", "ارائه پیشنهاد");

    private long formerRep(TestWorkspaces.Workspace ws) throws Exception {
        return formerRep(ws, HISTORY);
    }

    private long formerRep(TestWorkspaces.Workspace ws, String history) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile(
                                "file", "h.csv", "text/csv", history.getBytes(StandardCharsets.UTF_8)))
                        .param("entity", "opportunities")
                        .param("ownerPolicy", "CREATE_INACTIVE")
                        .with(ws.admin()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE"))
                        .andExpect(jsonPath("$.imported").value(2)));
        return workspaces.as(
                ws.adminEmail(),
                () -> people.users().stream()
                        .filter(UserSummary::former)
                        .findFirst()
                        .orElseThrow()
                        .id());
    }

    @Test
    void formerRepsAreMarkedInPickersAndOnTheDashboardAndTakeNoNewDeals() throws Exception {
        var ws = workspaces.create();
        long gone = formerRep(ws);

        // marked in the board's owner filter and on the dashboard's rep rows
        mvc.perform(get("/pipeline").with(page(ws)))
                .andExpect(content().string(containsString("Gone Rep (former rep)")));
        mvc.perform(get("/dashboard?period=YEAR:2025-01-01").with(page(ws)))
                .andExpect(content().string(containsString("Gone Rep (former rep)")))
                .andExpect(content().string(containsString("former-rep")));
        // the form of a new deal does not offer them
        mvc.perform(get("/opportunities/new").with(page(ws)))
                .andExpect(content().string(not(containsString("Gone Rep"))));

        // nor does the API let anyone give them a new deal, or another deal
        mvc.perform(post("/api/v1/opportunities")
                        .with(ws.admin())
                        .contentType("application/json")
                        .content("{\"name\": \"New\", \"ownerId\": " + gone + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        String created = mvc.perform(post("/api/v1/opportunities")
                        .with(ws.admin())
                        .contentType("application/json")
                        .content("{\"name\": \"Mine\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long mine = ((Number) JsonPath.read(created, "$.id")).longValue();
        int version = JsonPath.read(created, "$.version");
        mvc.perform(patch("/api/v1/opportunities/" + mine)
                        .with(ws.admin())
                        .contentType("application/json")
                        .content("{\"ownerId\": " + gone + ", \"version\": " + version + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));

        // their old deal still shows them as its owner, and can be edited without changing that
        String old = mvc.perform(get("/api/v1/opportunities?status=OPEN").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.List<Integer> owned = JsonPath.read(old, "$.items[?(@.ownerId == " + gone + ")].id");
        assertThat(owned).hasSize(1);
        mvc.perform(get("/opportunities/" + owned.get(0)).with(page(ws)))
                .andExpect(content().string(containsString("Gone Rep (former rep)")));
    }

    @Test
    void thePickersThatGiveRecordsOfferNoFormerRep() throws Exception {
        var ws = workspaces.create();
        long gone = formerRep(ws);
        // the leads' bulk assign, the web form's owner and the automations' assignee: the server refuses a former
        // rep as a new owner, so none of them offers one (the admin, who may be given records, is offered)
        for (String[] picker : new String[][] {
            {"/leads", "bulk-owner"},
            {"/settings/web-form", "route-owner"},
            {"/settings/automations", "action-assignee-0"}
        }) {
            String page = mvc.perform(get(picker[0]).with(page(ws)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String options = options(page, picker[1]);
            assertThat(options).as(picker[0]).contains("value=\"" + ws.adminId() + "\"");
            assertThat(options).as(picker[0]).doesNotContain("value=\"" + gone + "\"");
            assertThat(options).as(picker[0]).doesNotContain("Gone Rep");
        }
    }

    /** The options of the page's select with that id. */
    private static String options(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("a select " + id).isNotNegative();
        return page.substring(start, page.indexOf("</select>", start));
    }

    @Test
    void persianPagesSayFormerRepInPersian() throws Exception {
        var ws = workspaces.createPersian();
        formerRep(ws, PERSIAN_HISTORY);
        // the page's language is the reader's choice, kept in the language cookie
        mvc.perform(get("/pipeline").with(page(ws)).cookie(new jakarta.servlet.http.Cookie("crm-lang", "fa")))
                .andExpect(content().string(containsString("Gone Rep (کارشناس پیشین)")));
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService pageUsers;

    /** A page request of the workspace's admin, signed in as the pages are. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor page(TestWorkspaces.Workspace ws) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                pageUsers.loadUserByUsername(ws.adminEmail()));
    }
}
