package org.pipelinecrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Page sessions (kept in PostgreSQL) and remember-me tokens end when a person's rights or password change. */
@IntegrationTest
class RightsEndWithTheRoleTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemotedAdminsOpenSessionCanNoLongerManagePeople() throws Exception {
        var ws = workspaces.create();
        var otherAdmin = workspaces.addPerson(ws, Role.ADMIN, null);
        Cookie[] session = signIn(ws.adminEmail(), false);
        mvc.perform(get("/settings/users").cookie(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                        .param(ws.adminEmail())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(patch("/api/v1/users/{id}", ws.adminId())
                        .with(otherAdmin.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"SALES_REP\", \"version\": 0}"))
                .andExpect(status().isOk());

        mvc.perform(get("/settings/users").cookie(session)).andExpect(redirectedUrl("/login"));
        String intruder = "new-admin-" + ws.suffix() + "@test.example";
        mvc.perform(post("/settings/users")
                        .cookie(session)
                        .with(csrf())
                        .param("name", "New Admin")
                        .param("email", intruder)
                        .param("password", "admin-password-1")
                        .param("role", "ADMIN"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/users").with(otherAdmin.basic()))
                .andExpect(content().string(not(containsString(intruder))));
        // signing in again reads the new role
        Cookie[] again = signIn(ws.adminEmail(), false);
        mvc.perform(get("/settings/users").cookie(again)).andExpect(status().isForbidden());
    }

    @Test
    void aDeactivatedManagersSessionAndRememberMeCookieStopWorking() throws Exception {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        Cookie[] cookies = signIn(manager.email(), true);
        Cookie rememberMe = find(cookies, "remember-me");
        assertThat(rememberMe).isNotNull();
        assertThat(rememberMe.getAttribute("SameSite")).isEqualTo("Lax");
        mvc.perform(get("/leads").cookie(rememberMe)).andExpect(status().isOk());
        mvc.perform(get("/leads").cookie(find(cookies, "SESSION"))).andExpect(status().isOk());

        mvc.perform(patch("/api/v1/users/{id}", manager.id())
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\": false, \"version\": 0}"))
                .andExpect(status().isOk());

        mvc.perform(get("/leads").cookie(find(cookies, "SESSION"))).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/leads").cookie(rememberMe)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/leads")
                        .cookie(find(cookies, "SESSION"))
                        .with(csrf())
                        .param("firstName", "Late")
                        .param("lastName", "Lead"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void overHttpsBothCookiesAreSecureAndLax() throws Exception {
        var ws = workspaces.create();
        var response = mvc.perform(post("/login")
                        .secure(true)
                        .with(csrf())
                        .param("username", ws.adminEmail())
                        .param("password", TestWorkspaces.PASSWORD)
                        .param("remember-me", "on"))
                .andReturn()
                .getResponse();
        assertThat(find(response.getCookies(), "remember-me").getSecure()).isTrue();
        assertThat(response.getHeaders("Set-Cookie"))
                .filteredOn(c -> c.startsWith("SESSION="))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("Secure").contains("SameSite=Lax"));
    }

    @Test
    void aNewTeamEndsTheSessionToo() throws Exception {
        var ws = workspaces.create();
        long team = workspaces.addTeam(ws, "West");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        Cookie[] session = signIn(rep.email(), false);
        mvc.perform(patch("/api/v1/users/{id}", rep.id())
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\": " + team + ", \"version\": 0}"))
                .andExpect(status().isOk());
        mvc.perform(get("/leads").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void changingYourPasswordEndsYourOtherSessionsButNotThisOne() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        Cookie[] here = signIn(rep.email(), false);
        Cookie[] elsewhere = signIn(rep.email(), true);

        mvc.perform(post("/settings/profile/password")
                        .cookie(here)
                        .with(csrf())
                        .param("currentPassword", TestWorkspaces.PASSWORD)
                        .param("newPassword", "a-new-password-1")
                        .param("repeatPassword", "a-new-password-1"))
                .andExpect(redirectedUrl("/settings/profile"));

        mvc.perform(get("/settings/profile").cookie(here)).andExpect(status().isOk());
        // a new token is shown once, carried to the next page in the session
        mvc.perform(post("/settings/profile/tokens").cookie(here).with(csrf()).param("name", "Website form"))
                .andExpect(redirectedUrl("/settings/profile"));
        mvc.perform(get("/settings/profile").cookie(here)).andExpect(content().string(containsString("pcrm_")));
        mvc.perform(get("/settings/profile").cookie(find(elsewhere, "SESSION"))).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/settings/profile").cookie(find(elsewhere, "remember-me")))
                .andExpect(redirectedUrl("/login"));
    }

    private Cookie[] signIn(String email, boolean remember) throws Exception {
        String address = "10.70.0." + ADDRESS.incrementAndGet() % 250;
        var login = post("/login")
                .with(csrf())
                .param("username", email)
                .param("password", TestWorkspaces.PASSWORD)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
        if (remember) {
            login.param("remember-me", "on");
        }
        MockHttpServletResponse response = mvc.perform(login)
                .andExpect(redirectedUrlPattern("/**"))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).doesNotContain("error");
        assertThat(find(response.getCookies(), "SESSION")).isNotNull();
        return response.getCookies();
    }

    private static Cookie find(Cookie[] cookies, String name) {
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie;
            }
        }
        return null;
    }
}
