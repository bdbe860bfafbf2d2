package org.pipelinecrm.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinecrm.activity.ActivityApiTest.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class TaskApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Tasks tasks;

    @Test
    void aTaskIsPlannedChangedCompletedAndReopenedWithVersions() throws Exception {
        var ws = workspaces.create();
        long deal = workspaces.addDeal(ws.adminEmail(), "Globex renewal");
        Instant due = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        int id = JsonPath.read(
                mvc.perform(json(post("/api/v1/tasks"), ws.admin(), """
                {"title":"Send proposal","dueAt":"%s","priority":"HIGH","recordType":"OPPORTUNITY","recordId":%d}
                """.formatted(due, deal)))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.assigneeId").value(ws.adminId()))
                        .andExpect(jsonPath("$.completed").value(false))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        mvc.perform(get("/api/v1/tasks")
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + deal)
                        .with(ws.admin()))
                .andExpect(jsonPath("$.items[0].title").value("Send proposal"));
        mvc.perform(get("/api/v1/tasks")
                        .param("mine", "true")
                        .param("due", "upcoming")
                        .with(ws.admin()))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(json(patch("/api/v1/tasks/{id}", id), ws.admin(), """
                {"title":"Send revised proposal","version":0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(patch("/api/v1/tasks/{id}", id), ws.admin(), """
                {"title":"Stale","version":0}""")).andExpect(status().isConflict());

        NextStep next = workspaces.as(ws.adminEmail(), () -> tasks.nextOpenTask(RecordType.OPPORTUNITY, deal));
        assertThat(next.title()).isEqualTo("Send revised proposal");

        mvc.perform(json(post("/api/v1/tasks/{id}/complete", id), ws.admin(), """
                {"version":0}"""))
                .andExpect(status().isConflict());
        mvc.perform(json(post("/api/v1/tasks/{id}/complete", id), ws.admin(), """
                {"version":1}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.completed").value(true));
        mvc.perform(post("/api/v1/tasks/{id}/complete", id).with(ws.admin())).andExpect(status().isConflict());
        assertThat(workspaces.as(
                        ws.adminEmail(), () -> tasks.nextOpenTasks(RecordType.OPPORTUNITY, java.util.List.of(deal))))
                .isEmpty();
        mvc.perform(post("/api/v1/tasks/{id}/reopen", id).with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.completed").value(false))
                .andExpect(jsonPath("$.version").value(3));
    }

    @Test
    void myTasksAreBucketedAndOthersCannotTouchThem() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        var otherRep = workspaces.addPerson(ws, Role.SALES_REP, null);
        int overdue = JsonPath.read(
                mvc.perform(json(post("/api/v1/tasks"), rep.basic(), """
                {"title":"Call back","dueAt":"%s"}""".formatted(
                                        Instant.now().minus(2, ChronoUnit.DAYS))))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(get("/api/v1/tasks")
                        .param("mine", "true")
                        .param("due", "overdue")
                        .with(rep.basic()))
                .andExpect(jsonPath("$.items[0].id").value(overdue))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/tasks")
                        .param("mine", "true")
                        .param("due", "today")
                        .with(rep.basic()))
                .andExpect(jsonPath("$.total").value(0));

        mvc.perform(get("/api/v1/tasks/{id}", overdue).with(otherRep.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/{id}", overdue).with(ws.admin())).andExpect(status().isOk());
        var other = workspaces.create();
        mvc.perform(get("/api/v1/tasks/{id}", overdue).with(other.admin())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/tasks/{id}/complete", overdue).with(other.admin()))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/tasks"), other.admin(), """
                {"title":"Assign across","dueAt":"%s","assigneeId":%d}""".formatted(Instant.now(), rep.id())))
                .andExpect(status().isNotFound());
    }
}
