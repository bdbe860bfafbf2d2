package org.pipelinecrm.activity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class ActivityApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aCallIsLoggedOnADealListedAndEditedByItsAuthor() throws Exception {
        var ws = workspaces.create();
        long deal = workspaces.addDeal(ws.adminEmail(), "Globex renewal");
        String created = mvc.perform(json(post("/api/v1/activities"), ws.admin(), """
                {"kind":"CALL","recordType":"OPPORTUNITY","recordId":%d,"subject":"Discovery call",
                 "direction":"OUTBOUND","occurredAt":"2026-11-20T10:00:00Z","durationMinutes":25,
                 "outcome":"Interested","participantUserIds":[%d],"participantContactIds":[77]}
                """.formatted(deal, ws.adminId())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("CALL"))
                .andExpect(jsonPath("$.durationMinutes").value(25))
                .andExpect(jsonPath("$.participantContactIds[0]").value(77))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(created, "$.id");

        mvc.perform(get("/api/v1/activities")
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + deal)
                        .with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].subject").value("Discovery call"));
        mvc.perform(json(patch("/api/v1/activities/{id}", id), ws.admin(), """
                {"outcome":"Demo booked","version":0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("Demo booked"))
                .andExpect(jsonPath("$.subject").value("Discovery call"));
        mvc.perform(json(patch("/api/v1/activities/{id}", id), ws.admin(), """
                {"outcome":"Stale","version":0}""")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/activities/{id}", id).with(ws.admin()))
                .andExpect(jsonPath("$.outcome").value("Demo booked"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void onlyTheAuthorEditsAndOtherWorkspacesSeeNothing() throws Exception {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        long deal = workspaces.addDeal(ws.adminEmail(), "Globex renewal");
        int id = JsonPath.read(
                mvc.perform(json(post("/api/v1/activities"), ws.admin(), """
                {"kind":"NOTE","recordType":"OPPORTUNITY","recordId":%d,"subject":"Budget approved"}
                """.formatted(deal)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(get("/api/v1/activities/{id}", id).with(manager.basic())).andExpect(status().isOk());
        mvc.perform(json(patch("/api/v1/activities/{id}", id), manager.basic(), """
                {"subject":"Not mine","version":0}"""))
                .andExpect(status().isForbidden());

        var other = workspaces.create();
        mvc.perform(get("/api/v1/activities/{id}", id).with(other.admin())).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/activities/{id}", id), other.admin(), """
                {"subject":"Theirs","version":0}"""))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/activities"), other.admin(), """
                {"kind":"NOTE","recordType":"OPPORTUNITY","recordId":%d,"subject":"Sneaky"}
                """.formatted(deal)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/activities")
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + deal)
                        .with(other.admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void recordsNobodyOwnsOrMaySeeAreMissing() throws Exception {
        var ws = workspaces.create();
        // a rep sees their own deals and their team's, not another rep's
        var owner = workspaces.addPerson(ws, Role.SALES_REP, null);
        var colleague = workspaces.addPerson(ws, Role.SALES_REP, null);
        long hidden = workspaces.addDeal(owner.email(), "Owner's deal");
        mvc.perform(json(post("/api/v1/activities"), colleague.basic(), """
                {"kind":"NOTE","recordType":"OPPORTUNITY","recordId":%d,"subject":"Hidden"}
                """.formatted(hidden)))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/activities"), owner.basic(), """
                {"kind":"NOTE","recordType":"OPPORTUNITY","recordId":%d,"subject":"Mine"}
                """.formatted(hidden)))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/activities"), ws.admin(), """
                {"kind":"NOTE","recordType":"ACCOUNT","recordId":1,"subject":"No such account"}
                """)).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/activities"), ws.admin(), """
                {"kind":"NOTE","recordType":"OPPORTUNITY","subject":""}
                """)).andExpect(status().isBadRequest());
    }

    static MockHttpServletRequestBuilder json(
            MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) {
        return request.with(who).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
