package org.pipelinecrm.importing;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import undone after someone edited one of its leads: the leads it created go, the lead it updated gets its
 * values back, and the edited lead is left as it is and listed.
 */
@IntegrationTest
class ImportUndoTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    private long upload(TestWorkspaces.Workspace ws, String csv) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile(
                                "file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("entity", "leads")
                        .with(ws.admin()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        return id;
    }

    private String lead(TestWorkspaces.Workspace ws, String q) throws Exception {
        return mvc.perform(get("/api/v1/leads?q=" + q).with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void undoDeletesWhatItCreatedRestoresWhatItUpdatedAndLeavesEditedRecordsAlone() throws Exception {
        var ws = workspaces.create();
        upload(ws, "externalId,lastName,company,title\nu-1,Ahmadi,Acme,CEO\n");
        long second = upload(
                ws,
                "externalId,lastName,company,title\n"
                        + "u-1,Ahmadi,Acme Group,CTO\n"
                        + "u-2,Bahrami,Beta,\n"
                        + "u-3,Jafari,Gamma,\n"
                        + "u-4,Karimi,Delta,\n");
        mvc.perform(get("/api/v1/imports/" + second).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.undo.status").doesNotExist());

        // someone works one of the new leads before the undo
        String jafari = lead(ws, "jafari");
        long edited = ((Number) JsonPath.read(jafari, "$.items[0].id")).longValue();
        int version = JsonPath.read(jafari, "$.items[0].version");
        mvc.perform(patch("/api/v1/leads/" + edited)
                        .with(ws.admin())
                        .contentType("application/json")
                        .content("{\"title\": \"Buyer\", \"version\": " + version + "}"))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/imports/" + second + "/undo").with(ws.admin()))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> mvc.perform(get("/api/v1/imports/" + second).with(ws.admin()))
                                .andExpect(jsonPath("$.undo.status").value("DONE")));
        mvc.perform(get("/api/v1/imports/" + second).with(ws.admin()))
                .andExpect(jsonPath("$.undo.undone").value(3))
                .andExpect(jsonPath("$.undo.leftAlone[0]").value(edited));
        mvc.perform(get("/api/v1/leads?q=bahrami").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/leads?q=karimi").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/leads?q=jafari").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Buyer"));
        mvc.perform(get("/api/v1/leads?q=ahmadi").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].company").value("Acme"))
                .andExpect(jsonPath("$.items[0].title").value("CEO"));

        // once only; another workspace's import is not found
        mvc.perform(post("/api/v1/imports/" + second + "/undo").with(ws.admin()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/imports/" + second + "/undo")
                        .with(workspaces.create().admin()))
                .andExpect(status().isNotFound());
    }

    @Autowired
    org.pipelinecrm.tenant.Workspaces allWorkspaces;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private long ledgerEntries(TestWorkspaces.Workspace ws, long importId) {
        return org.pipelinecrm.tenant.TenantContext.callAs(
                ws.id(),
                () -> tx.execute(s -> jdbc.sql("select count(*) from import_record where import_id = ?")
                        .param(importId)
                        .query(Long.class)
                        .single()));
    }

    @Test
    void theUndoLedgerOfImportsOlderThanThirtyDaysIsPurgedAndTheirUndoRefused() throws Exception {
        var ws = workspaces.create();
        long old = upload(ws, "externalId,lastName,company\np-1,Old,Acme\np-2,Older,Beta\n");
        long recent = upload(ws, "externalId,lastName,company\np-3,Recent,Gamma\n");
        org.pipelinecrm.tenant.TenantContext.runAs(
                ws.id(),
                () -> tx.executeWithoutResult(
                        s -> jdbc.sql("update import_job set created_at = now() - interval '31 days' where id = ?")
                                .param(old)
                                .update()));
        org.assertj.core.api.Assertions.assertThat(ledgerEntries(ws, old)).isEqualTo(2);

        ImportLedgerExpiry.purge(allWorkspaces, jdbc, tx, java.time.Instant.now());

        org.assertj.core.api.Assertions.assertThat(ledgerEntries(ws, old)).isZero();
        org.assertj.core.api.Assertions.assertThat(ledgerEntries(ws, recent)).isEqualTo(1);
        mvc.perform(post("/api/v1/imports/" + old + "/undo").with(ws.admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("import.undoTooOld"));
        // the page of the recent one says until when it can be undone; the old one offers no undo
        mvc.perform(get("/imports/" + recent).with(page(ws)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Possible until")));
        mvc.perform(get("/imports/" + old).with(page(ws)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("import-undo-button"))));
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService pageUsers;

    /** A page request of the workspace's admin, signed in as the pages are. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor page(TestWorkspaces.Workspace ws) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                pageUsers.loadUserByUsername(ws.adminEmail()));
    }
}
