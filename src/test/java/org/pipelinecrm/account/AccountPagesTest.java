package org.pipelinecrm.account;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.opportunity.DealMoves;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    @Autowired
    Accounts accounts;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealMoves moves;

    @Test
    void createWithDuplicateWarningEditWithVersionAndAContactWithItsBuyingRole() throws Exception {
        var ws = workspaces.create();
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("name", "").param("annualRevenue", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        String location = mvc.perform(post("/accounts")
                        .with(admin)
                        .with(csrf())
                        .param("name", "Kavir Steel Co.")
                        .param("domain", "https://www.KavirSteel.example/about")
                        .param("industry", "Manufacturing")
                        .param("country", "Iran"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // the same company under another spelling, or the same web domain, is offered instead of duplicated
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("name", "kavir steel"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/accounts/" + id)))
                .andExpect(content().string(containsString("account-duplicate")));
        mvc.perform(post("/accounts")
                        .with(admin)
                        .with(csrf())
                        .param("name", "KS Holding")
                        .param("domain", "kavirsteel.example"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("account-duplicate")));
        mvc.perform(post("/accounts")
                        .with(admin)
                        .with(csrf())
                        .param("name", "kavir steel")
                        .param("allowDuplicate", "true"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/accounts/" + id)
                        .with(admin)
                        .with(csrf())
                        .param("name", "Kavir Steel")
                        .param("domain", "kavirsteel.example")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/accounts/" + id)
                        .with(admin)
                        .with(csrf())
                        .param("name", "Stale edit")
                        .param("version", "0"))
                .andExpect(status().isConflict());

        String contact = mvc.perform(post("/accounts/" + id + "/contacts")
                        .with(admin)
                        .with(csrf())
                        .param("firstName", "Omid")
                        .param("lastName", "Sadeghi")
                        .param("buyingRole", "ECONOMIC_BUYER"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post("/accounts/" + id + "/contacts")
                        .with(admin)
                        .with(csrf())
                        .param("lastName", "")
                        .param("email", "not-an-email"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(get(contact).with(admin))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Economic buyer"),
                                containsString("Kavir Steel"),
                                containsString("timeline-CONTACT-"))));

        mvc.perform(get("/accounts/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Kavir Steel"),
                                containsString("Omid Sadeghi"),
                                containsString("kavirsteel.example"),
                                containsString("timeline-ACCOUNT-" + id),
                                not(containsString("Stale edit")))));
        mvc.perform(get("/accounts").with(admin)).andExpect(content().string(containsString("/accounts/" + id)));
    }

    @Test
    void theAccountPageListsOpenAndClosedDealsAndTheWonTotal() throws Exception {
        var ws = workspaces.create();
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        long id = workspaces.as(ws.adminEmail(), () -> {
            long account = accounts.create(new Accounts.AccountCmd("Orion Telecom", null, null, null, null, null))
                    .id();
            opportunities.create(new Opportunities.CreateCmd(
                    "Open renewal",
                    account,
                    null,
                    null,
                    null,
                    new BigDecimal("700"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
            for (String name : new String[] {"First licence", "Second licence"}) {
                long won = opportunities
                        .create(new Opportunities.CreateCmd(
                                name,
                                account,
                                null,
                                null,
                                null,
                                new BigDecimal("1500"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id();
                moves.close(won, new DealMoves.CloseCmd(StageKind.WON, null, null, null, null, null));
            }
            return account;
        });
        mvc.perform(get("/accounts/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("open-deals"),
                                containsString("Open renewal"),
                                containsString("closed-deals"),
                                containsString("Second licence"),
                                containsString("3,000"))));
    }
}
