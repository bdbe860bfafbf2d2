package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A history from an old CRM: reps long gone own many of its deals, some deals never had an opened date, and
 * dates come as 17/03/2025 or in the Solar Hijri calendar.
 */
@IntegrationTest
class HistoryFilesTest {

    static final String HEADER = "Deal ID;Deal Name;Stage;Amount;Created;Closed;Deal Owner\n";
    static final String ROWS = "H-1;Old one;Closed won;1000;03/02/2025;17/03/2025;Gone Rep\n"
            + "H-2;Old two;Closed lost;2000;05/02/2025;20/02/2025;gone rep\n"
            + "H-3;Another;Proposal;3000;1403/12/01;;Left Long Ago\n"
            + "H-4;No date won;Closed won;4000;;1404/01/15;%s\n"
            + "H-5;No date open;Proposal;5000;;;%s\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    People people;

    @Autowired
    OpportunityRepository deals;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private String csv(TestWorkspaces.Workspace ws) {
        String admin = "Admin " + ws.suffix();
        return HEADER + ROWS.formatted(admin, admin);
    }

    private long upload(TestWorkspaces.Workspace ws, String csv, Map<String, String> params) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports");
        request.file(new MockMultipartFile("file", "history.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        request.param("entity", "opportunities").param("dateOrder", "DMY").with(ws.admin());
        params.forEach((name, value) -> request.param(name, value));
        String body = mvc.perform(request)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        return id;
    }

    private OpportunityView deal(TestWorkspaces.Workspace ws, String externalId) {
        return workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> deals.findByExternalId(externalId)
                        .map(o -> o.toView(null, null))
                        .orElseThrow()));
    }

    @Test
    void unknownOwnersBecomeFormerRepsAndDealsWithoutOpenedDatesGetTheirEarliest() throws Exception {
        var ws = workspaces.create();
        long id = upload(ws, csv(ws), Map.of("ownerPolicy", "CREATE_INACTIVE"));
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(5))
                .andExpect(jsonPath("$.skipped").value(0))
                .andExpect(jsonPath("$.notes.length()").value(2))
                .andExpect(jsonPath("$.notes[0].row").value(5))
                .andExpect(jsonPath("$.notes[0].code").value("derivedOpenedAt"))
                .andExpect(jsonPath("$.notes[0].column").value("Created"))
                .andExpect(jsonPath("$.notes[1].row").value(6));

        List<UserSummary> former = workspaces.as(
                ws.adminEmail(),
                () -> people.users().stream().filter(UserSummary::former).toList());
        assertThat(former).extracting(UserSummary::name).containsExactlyInAnyOrder("Gone Rep", "Left Long Ago");
        assertThat(former).allSatisfy(u -> assertThat(u.active()).isFalse());
        // the same rep, whatever the case of the name, owns both of their deals
        assertThat(deal(ws, "H-1").ownerId()).isEqualTo(deal(ws, "H-2").ownerId());

        ZoneId zone = ZoneId.of("UTC");
        var won = deal(ws, "H-1");
        assertThat(LocalDate.ofInstant(won.openedAt(), zone)).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(LocalDate.ofInstant(won.closedAt(), zone)).isEqualTo(LocalDate.of(2025, 3, 17));
        // 1403/12/01 is 2025-02-19; 1404/01/15 is 2025-04-04, the only date the undated won deal has
        assertThat(LocalDate.ofInstant(deal(ws, "H-3").openedAt(), zone)).isEqualTo(LocalDate.of(2025, 2, 19));
        var undated = deal(ws, "H-4");
        assertThat(LocalDate.ofInstant(undated.openedAt(), zone)).isEqualTo(LocalDate.of(2025, 4, 4));
        assertThat(undated.ownerId()).isEqualTo(ws.adminId());
        assertThat(LocalDate.ofInstant(deal(ws, "H-5").openedAt(), zone)).isEqualTo(LocalDate.now(zone));

        // a former rep can never be made able to sign in
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/settings/users")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        users.loadUserByUsername(ws.adminEmail()))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Former rep")));
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void unknownOwnersDealsGoToAChosenPersonOrTheirRowsAreSkipped() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, org.pipelinecrm.identity.Role.SALES_REP, null);
        upload(ws, csv(ws), Map.of("ownerPolicy", "ASSIGN_TO", "assignToId", String.valueOf(rep.id())));
        assertThat(deal(ws, "H-1").ownerId()).isEqualTo(rep.id());
        assertThat(deal(ws, "H-3").ownerId()).isEqualTo(rep.id());
        assertThat(deal(ws, "H-4").ownerId()).isEqualTo(ws.adminId());
        assertThat(workspaces.as(ws.adminEmail(), () -> people.users().stream().noneMatch(UserSummary::former)))
                .isTrue();

        var other = workspaces.create();
        long skipped = upload(other, csv(other), Map.of("ownerPolicy", "SKIP_ROW"));
        mvc.perform(get("/api/v1/imports/" + skipped).with(other.admin()))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.skipped").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("noOwnerNamed"))
                .andExpect(jsonPath("$.errors[0].column").value("Deal Owner"))
                .andExpect(jsonPath("$.errors[0].args[0]").value("Gone Rep"));

        // a person of another workspace is not found; an unknown policy names the parameter
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile(
                                "file", "h.csv", "text/csv", csv(other).getBytes(StandardCharsets.UTF_8)))
                        .param("entity", "opportunities")
                        .param("ownerPolicy", "ASSIGN_TO")
                        .param("assignToId", String.valueOf(rep.id()))
                        .with(other.admin()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile(
                                "file", "h.csv", "text/csv", csv(other).getBytes(StandardCharsets.UTF_8)))
                        .param("entity", "opportunities")
                        .param("ownerPolicy", "KEEP")
                        .with(other.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerPolicy"));
    }
}
