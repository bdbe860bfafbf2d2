package org.pipelinecrm.exporting;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class PrivacyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    private String send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(request.with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long created(RequestPostProcessor who, String path, String json) throws Exception {
        return ((Number) JsonPath.read(send(post(path), who, json), "$.id")).longValue();
    }

    /** A person known as a lead and as a contact at an account with a deal, with activities on both. */
    private record Person(long lead, long contact, long deal, long leadCall, long contactNote) {}

    private Person sara(TestWorkspaces.Workspace ws) throws Exception {
        long lead = created(ws.admin(), "/api/v1/leads", """
                {"firstName":"Sara","lastName":"Ahmadi","email":"sara@acme.test","phone":"+98 912 000 0000",
                 "company":"Acme"}""");
        long account = created(ws.admin(), "/api/v1/accounts", "{\"name\":\"Acme\"}");
        long contact = created(ws.admin(), "/api/v1/accounts/" + account + "/contacts", """
                {"firstName":"Sara","lastName":"Ahmadi","email":"Sara@Acme.test","phone":"+98 912 000 0000"}""");
        long deal = created(ws.admin(), "/api/v1/opportunities", """
                {"name":"Acme renewal","accountId":%d,"contactId":%d,"amount":12000}""".formatted(account, contact));
        long call = created(ws.admin(), "/api/v1/activities", """
                {"kind":"CALL","recordType":"LEAD","recordId":%d,"subject":"Called Sara",
                 "body":"Sara's private number is +98 912 000 0000"}""".formatted(lead));
        long note = created(ws.admin(), "/api/v1/activities", """
                {"kind":"NOTE","recordType":"CONTACT","recordId":%d,"subject":"Sara prefers mornings",
                 "body":"Lives in Tehran"}""".formatted(contact));
        return new Person(lead, contact, deal, call, note);
    }

    @Test
    void anAdminFindsAPersonByEMailExportsAndErasesThemAndEachActionIsLogged() throws Exception {
        var ws = workspaces.create();
        Person sara = sara(ws);
        long someoneElse = created(ws.admin(), "/api/v1/leads", "{\"lastName\":\"Karimi\",\"email\":\"k@beta.test\"}");

        mvc.perform(get("/api/v1/privacy/subjects")
                        .param("email", "SARA@acme.test")
                        .with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leads[*].id").value(org.hamcrest.Matchers.contains((int) sara.lead())))
                .andExpect(jsonPath("$.contacts[*].id").value(org.hamcrest.Matchers.contains((int) sara.contact())))
                .andExpect(jsonPath("$.activities.length()").value(2));

        String subjects = "{\"leadIds\":[%d],\"contactIds\":[%d]}".formatted(sara.lead(), sara.contact());
        mvc.perform(post("/api/v1/privacy/subjects/export")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(subjects))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leads[0].email").value("sara@acme.test"))
                .andExpect(jsonPath("$.activities[*].body", org.hamcrest.Matchers.hasItem("Lives in Tehran")));

        mvc.perform(post("/api/v1/privacy/subjects/erase")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(subjects))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leads").value(1))
                .andExpect(jsonPath("$.contacts").value(1))
                .andExpect(jsonPath("$.activities").value(2));

        mvc.perform(get("/api/v1/leads/" + sara.lead()).with(ws.admin()))
                .andExpect(jsonPath("$.lastName").value("Erased person"))
                .andExpect(jsonPath("$.firstName").doesNotExist())
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.phone").doesNotExist())
                .andExpect(jsonPath("$.company").value("Acme"));
        mvc.perform(get("/api/v1/contacts/" + sara.contact()).with(ws.admin()))
                .andExpect(jsonPath("$.lastName").value("Erased person"))
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.phone").doesNotExist());
        for (long activity : new long[] {sara.leadCall(), sara.contactNote()}) {
            mvc.perform(get("/api/v1/activities/" + activity).with(ws.admin()))
                    .andExpect(jsonPath("$.subject").value("Erased"))
                    .andExpect(jsonPath("$.body").doesNotExist());
        }
        mvc.perform(get("/api/v1/opportunities/" + sara.deal()).with(ws.admin()))
                .andExpect(jsonPath("$.amount").value(12000))
                .andExpect(jsonPath("$.contactId").value(sara.contact()));
        mvc.perform(get("/api/v1/leads/" + someoneElse).with(ws.admin()))
                .andExpect(jsonPath("$.email").value("k@beta.test"));
        mvc.perform(get("/api/v1/privacy/subjects")
                        .param("email", "sara@acme.test")
                        .with(ws.admin()))
                .andExpect(jsonPath("$.leads.length()").value(0))
                .andExpect(jsonPath("$.contacts.length()").value(0));

        mvc.perform(get("/api/v1/privacy/log").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].action").value("ERASE"))
                .andExpect(jsonPath("$.items[0].actorId").value(ws.adminId()))
                .andExpect(jsonPath("$.items[0].leadIds[0]").value(sara.lead()))
                .andExpect(jsonPath("$.items[0].contactIds[0]").value(sara.contact()))
                .andExpect(jsonPath("$.items[0].activities").value(2))
                .andExpect(jsonPath("$.items[0].occurredAt").exists())
                .andExpect(jsonPath("$.items[1].action").value("EXPORT"));
    }

    @Test
    void onlyAdminsHandlePersonalDataAndAnotherWorkspacesRecordsAreNotFound() throws Exception {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        Person sara = sara(ws);
        String subjects = "{\"leadIds\":[%d],\"contactIds\":[]}".formatted(sara.lead());
        mvc.perform(get("/api/v1/privacy/subjects")
                        .param("email", "sara@acme.test")
                        .with(manager.basic()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/privacy/subjects/erase")
                        .with(manager.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(subjects))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/privacy/log").with(manager.basic())).andExpect(status().isForbidden());
        mvc.perform(get("/settings/privacy").with(user(users.loadUserByUsername(manager.email()))))
                .andExpect(status().isForbidden());

        var other = workspaces.create();
        mvc.perform(post("/api/v1/privacy/subjects/erase")
                        .with(other.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(subjects))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/privacy/subjects/erase")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"leadIds\":[],\"contactIds\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leadIds"));
        mvc.perform(get("/api/v1/privacy/subjects").with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(get("/api/v1/leads/" + sara.lead()).with(ws.admin()))
                .andExpect(jsonPath("$.email").value("sara@acme.test"));
        mvc.perform(get("/api/v1/privacy/log").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theSettingsPageFindsByNameNamesWhatWillBeErasedAndErasesOnConfirmation() throws Exception {
        var ws = workspaces.create();
        Person sara = sara(ws);
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/settings/privacy").param("name", "sara ahm").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"erase-modal\"")))
                .andExpect(content().string(containsString("Lead #" + sara.lead() + ": Sara Ahmadi sara@acme.test")))
                .andExpect(content().string(containsString("Contact #" + sara.contact() + ": Sara Ahmadi")))
                .andExpect(content().string(containsString("Call · Called Sara")))
                .andExpect(content().string(containsString("Note · Sara prefers mornings")));
        mvc.perform(post("/settings/privacy/erase")
                        .param("leadIds", "" + sara.lead())
                        .param("contactIds", "" + sara.contact())
                        .with(admin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/privacy"));
        mvc.perform(get("/settings/privacy").with(admin))
                .andExpect(content().string(containsString("id=\"privacy-log\"")))
                .andExpect(content().string(containsString("Erased")));
        mvc.perform(get("/api/v1/leads/" + sara.lead()).with(ws.admin()))
                .andExpect(jsonPath("$.lastName").value("Erased person"));
    }
}
