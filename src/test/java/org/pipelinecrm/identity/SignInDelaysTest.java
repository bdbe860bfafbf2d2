package org.pipelinecrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Wrong passwords slow sign-in down with a growing delay instead of locking anyone out. */
@IntegrationTest
class SignInDelaysTest {

    static GreenMail smtp;
    static JavaMailSenderImpl sender;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnlockLinks unlockLinks;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void pastFiveWrongPasswordsEachAttemptWaitsADelayThatDoubles() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        RequestPostProcessor from = address();
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/v1/me")
                            .with(httpBasic(rep.email(), "wrong-" + i))
                            .with(from))
                    .andExpect(status().isUnauthorized());
        }
        // during the delay even the right password waits, and nothing is checked
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"));
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(address())).andExpect(status().isTooManyRequests());

        passTime(rep.email(), 31);
        mvc.perform(get("/api/v1/me")
                        .with(httpBasic(rep.email(), "wrong-again"))
                        .with(from))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));

        passTime(rep.email(), 61);
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(from)).andExpect(status().isOk());
        // the right password starts the account afresh
        mvc.perform(get("/api/v1/me").with(httpBasic(rep.email(), "one-typo")).with(from))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(from)).andExpect(status().isOk());
    }

    @Test
    void theLoginPageSaysHowLongToWait() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        RequestPostProcessor from = address();
        for (int i = 0; i < 6; i++) {
            mvc.perform(formLogin(rep.email(), "wrong-" + i).with(from)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin(rep.email(), TestWorkspaces.PASSWORD).with(from))
                .andExpect(redirectedUrl("/login?wait=30"));
        mvc.perform(get("/login").param("wait", "30"))
                .andExpect(content().string(containsString("Wait 30 seconds, then try again.")));
        mvc.perform(get("/login").param("wait", "30").cookie(new jakarta.servlet.http.Cookie("crm-lang", "fa")))
                .andExpect(content().string(containsString("30 ثانیه صبر کنید")));
    }

    @Test
    void anAdminUnlocksAPersonOnTheUsersPageAndInTheApi() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        var admin = workspaces.as(ws.adminEmail(), CurrentUser::get);
        delay(rep.email(), address());
        mvc.perform(
                        get("/settings/users/{id}", rep.id())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(admin)))
                .andExpect(content().string(containsString("id=\"unlock-sign-in\"")));
        mvc.perform(
                        post("/settings/users/{id}/unlock", rep.id())
                                .with(csrf())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(admin)))
                .andExpect(redirectedUrl("/settings/users/" + rep.id()));
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(address())).andExpect(status().isOk());

        RequestPostProcessor from = address();
        delay(rep.email(), from);
        mvc.perform(post("/api/v1/users/{id}/unlock", rep.id())
                        .with(rep.basic())
                        .with(address()))
                .andExpect(status().isTooManyRequests());
        mvc.perform(post("/api/v1/users/{id}/unlock", rep.id()).with(ws.admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(from)).andExpect(status().isOk());
        // another workspace's person is not found
        var other = workspaces.create();
        mvc.perform(post("/api/v1/users/{id}/unlock", rep.id()).with(other.admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theUnlockLinkFromTheEmailWorksOnce() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        delay(rep.email(), address());
        unlockLinks.offer(rep.email(), "http://crm.example", sender);

        MimeMessage mail = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(rep.email())) {
                mail = m;
            }
        }
        assertThat(mail).isNotNull();
        assertThat(mail.getSubject()).isEqualTo("Unlock your sign-in to Pipeline CRM");
        Matcher link = Pattern.compile("http://crm\\.example/login/unlock\\?token=([A-Za-z0-9_-]+)")
                .matcher((String) mail.getContent());
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        mvc.perform(get("/login/unlock").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unlock\"")));
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(address())).andExpect(status().isTooManyRequests());
        mvc.perform(post("/login/unlock").with(csrf()).param("token", token))
                .andExpect(redirectedUrl("/login?unlocked"));
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(address())).andExpect(status().isOk());
        mvc.perform(post("/login/unlock").with(csrf()).param("token", token))
                .andExpect(redirectedUrl("/login?unlockExpired"));
    }

    private void delay(String email, RequestPostProcessor from) throws Exception {
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(email, "wrong-" + i)).with(from));
        }
        mvc.perform(get("/api/v1/me")
                        .with(httpBasic(email, TestWorkspaces.PASSWORD))
                        .with(from))
                .andExpect(status().isTooManyRequests());
    }

    /** Moves the account's last failure back in time, as if that many seconds had passed. */
    private void passTime(String email, int seconds) {
        jdbc.sql("update sign_in_delay set last_failure_at = last_failure_at - make_interval(secs => ?) where key = ?")
                .param(seconds)
                .param("account:" + email)
                .update();
    }

    private static MockHttpServletRequestBuilder formLogin(String email, String password) {
        return post("/login").with(csrf()).param("username", email).param("password", password);
    }

    private static RequestPostProcessor address() {
        String address = "198.51." + (UUID.randomUUID().hashCode() & 0xff) + "."
                + (UUID.randomUUID().hashCode() & 0xff);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
