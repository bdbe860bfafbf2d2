package org.pipelinecrm.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A pipeline's history exported from another CRM (test resource import/pipeline-history.csv: 40 deals and
 * three broken rows) is imported, and the dashboard shows what a spreadsheet computes from the same file.
 */
@IntegrationTest
class HistoryImportTest {

    static final String MAPPING = """
            {"externalId": "Deal ID", "name": "Deal Name", "stage": "Stage", "amount": "Amount", "openedAt": "Created",
             "closedAt": "Closed", "accountName": "Company", "ownerName": "Deal Owner", "source": "Lead Source",
             "industry": "Industry", "reason": "Lost Reason"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    People people;

    @Autowired
    Metrics metrics;

    @Test
    void theImportedHistoryGivesTheSpreadsheetsFigures() throws Exception {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        workspaces.as(ws.adminEmail(), () -> {
            for (String name : new String[] {"Sara Karimi", "Reza Tehrani", "Mina Jafari"}) {
                people.createUser(
                        name.replace(' ', '.').toLowerCase() + "-" + ws.suffix() + "@test.example",
                        name,
                        TestWorkspaces.PASSWORD,
                        Role.SALES_REP,
                        null);
            }
            return null;
        });
        byte[] csv = new ClassPathResource("import/pipeline-history.csv").getContentAsByteArray();
        long id = upload(manager, csv);
        mvc.perform(get("/api/v1/imports/" + id).with(manager.basic()))
                .andExpect(jsonPath("$.total").value(43))
                .andExpect(jsonPath("$.imported").value(40))
                .andExpect(jsonPath("$.skipped").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(9))
                .andExpect(jsonPath("$.errors[0].message", containsString("stage")))
                .andExpect(jsonPath("$.errors[1].message", containsString("closed before it opened")))
                .andExpect(jsonPath("$.errors[2].message", containsString("openedAt")));

        // Spreadsheet over the 40 good rows, closed between 2025-01-01 and 2026-01-31:
        // won =COUNTIF(Stage,"Closed won") 17, lost 13, win rate 17/30; won total =SUMIF(...) 809,000;
        // average age of won deals =AVERAGE(Closed-Created) 962/17 = 56.6 days.
        MetricsReport r = workspaces.as(
                manager.email(),
                () -> metrics.report(
                        new MetricsFilter(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 31), null, null, null),
                        CurrentUser.actor()));
        assertThat(r.wonDeals()).isEqualTo(17);
        assertThat(r.lostDeals()).isEqualTo(13);
        assertThat(r.winRate()).isEqualByComparingTo("0.5667");
        assertThat(r.wonAmount()).isEqualByComparingTo("809000");
        assertThat(r.averageWonDealAgeDays()).isEqualByComparingTo("56.6");
        assertThat(r.openPipeline().count()).isEqualTo(10);
        assertThat(r.lossReasons()).extracting(MetricsReport.Reason::count).containsAnyOf(1L, 2L, 3L, 4L, 5L);

        // the same file again: every deal is updated, none duplicated; one deal changed its amount
        String again = new String(csv, StandardCharsets.UTF_8)
                .replace(
                        "HX-1003,Negin Textiles – Support plan,Closed won,12000",
                        "HX-1003,Negin Textiles – Support plan,Closed won,22000");
        long second = upload(manager, again.getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/v1/imports/" + second).with(manager.basic()))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.updated").value(40));
        MetricsReport after = workspaces.as(
                manager.email(),
                () -> metrics.report(
                        new MetricsFilter(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 31), null, null, null),
                        CurrentUser.actor()));
        assertThat(after.wonDeals()).isEqualTo(17);
        assertThat(after.wonAmount()).isEqualByComparingTo(new BigDecimal("819000"));
    }

    @Test
    void aRepMayNotImportHistory() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long id = upload(
                rep,
                ("Deal ID,Deal Name,Stage,Amount,Created,Closed,Company,Deal Owner,Lead Source,Industry,Lost Reason\r\n"
                                + "X-1,Old deal,Prospecting,100,2025-01-01,,Acme,,,,\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/v1/imports/" + id).with(rep.basic()))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.skipped").value(1));
    }

    private long upload(TestWorkspaces.Person person, byte[] csv) throws Exception {
        var file = new MockMultipartFile("file", "history.csv", "text/csv", csv);
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(file)
                        .param("entity", "opportunities")
                        .param("mapping", MAPPING)
                        .with(person.basic()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(person.basic()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        return id;
    }
}
