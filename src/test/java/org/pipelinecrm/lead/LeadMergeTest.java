package org.pipelinecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LeadMergeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    UserDetailsService users;

    private long create(TestWorkspaces.Workspace ws, String json) throws Exception {
        String body = mvc.perform(post("/api/v1/leads?allowDuplicate=true")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void mergingKeepsOneLeadAndMovesEventsHistoryActivitiesAndTasks() throws Exception {
        var ws = workspaces.create();
        long kept = create(ws, "{\"firstName\": \"Sam\", \"lastName\": \"Lee\", \"email\": \"sam@dup.test\"}");
        long gone = create(
                ws,
                "{\"firstName\": \"sam\", \"lastName\": \"LEE\", \"email\": \"SAM@Dup.test\","
                        + " \"phone\": \"+98 21 555\", \"title\": \"CTO\"}");
        mvc.perform(post("/api/v1/leads/" + gone + "/events")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"DEMO_REQUESTED\"}"))
                .andExpect(status().isCreated());
        long activity = -ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        long task = -ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        TenantContext.runAs(
                ws.id(),
                () -> tx.executeWithoutResult(s -> {
                    jdbc.sql(
                                    "insert into activity (tenant_id, id, kind, record_type, record_id, subject, occurred_at, author_id)"
                                            + " values (?, ?, 'CALL', 'LEAD', ?, 'First call', now(), ?)")
                            .params(ws.id(), activity, gone, ws.adminId())
                            .update();
                    jdbc.sql(
                                    "insert into sales_task (tenant_id, id, title, due_at, priority, assignee_id, created_by, record_type,"
                                            + " record_id) values (?, ?, 'Call back', now(), 'NORMAL', ?, ?, 'LEAD', ?)")
                            .params(ws.id(), task, ws.adminId(), ws.adminId(), gone)
                            .update();
                }));

        mvc.perform(get("/api/v1/leads/duplicates").with(ws.admin()))
                .andExpect(jsonPath("$[0].reason").value("EMAIL"))
                .andExpect(jsonPath("$[0].leads[*].id", hasItem((int) gone)));
        var page = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/leads/duplicates").with(page))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("merge-form")));

        mvc.perform(post("/api/v1/leads/" + kept + "/merge")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"duplicateId\": " + gone + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("+98 21 555"))
                .andExpect(jsonPath("$.title").value("CTO"))
                .andExpect(jsonPath("$.email").value("sam@dup.test"))
                .andExpect(jsonPath("$.scoreBreakdown[*].rule", hasItem(containsString("DEMO_REQUESTED"))));
        mvc.perform(get("/api/v1/leads/" + gone).with(ws.admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/" + kept).with(ws.admin()))
                .andExpect(jsonPath("$.timeline[*].kind", hasItem("MERGED")))
                .andExpect(jsonPath("$.timeline[*].detail", hasItem("DEMO_REQUESTED")));
        TenantContext.runAs(
                ws.id(),
                () -> tx.executeWithoutResult(s -> {
                    assertThat(jdbc.sql("select record_id from activity where id = ?")
                                    .param(activity)
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(kept);
                    assertThat(jdbc.sql("select record_id from sales_task where id = ?")
                                    .param(task)
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(kept);
                }));
        mvc.perform(get("/leads/duplicates").with(page)).andExpect(content().string(containsString("no-duplicates")));
    }

    @Test
    void aLeadCannotBeMergedWithItselfNorWithAnotherWorkspacesLead() throws Exception {
        var ws = workspaces.create();
        var other = workspaces.create();
        long mine = create(ws, "{\"lastName\": \"Mine\"}");
        long theirs = create(other, "{\"lastName\": \"Theirs\"}");
        mvc.perform(post("/api/v1/leads/" + mine + "/merge")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"duplicateId\": " + mine + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/leads/" + mine + "/merge")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"duplicateId\": " + theirs + "}"))
                .andExpect(status().isNotFound());
        var page = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(post("/leads/merge")
                        .with(page)
                        .with(csrf())
                        .param("keptId", String.valueOf(mine))
                        .param("goneId", String.valueOf(theirs)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/" + theirs).with(other.admin())).andExpect(status().isOk());
    }
}
