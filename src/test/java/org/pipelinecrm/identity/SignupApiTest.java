package org.pipelinecrm.identity;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignupApiTest {

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder signup(String address, String body) {
        return post("/api/v1/signup").contentType(MediaType.APPLICATION_JSON).content(body).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    @Test
    void signUpCreatesAWorkspaceWhoseFirstUserIsItsAdmin() throws Exception {
        mvc.perform(signup("10.0.0.1", """
                        {"workspaceName": "Acme", "email": "founder@acme.test", "password": "long-enough-1", "name": "Founder"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.workspaceId").isNumber())
                .andExpect(jsonPath("$.userId").isNumber());

        mvc.perform(get("/api/v1/me").with(httpBasic("founder@acme.test", "long-enough-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.email").value("founder@acme.test"));
    }

    @Test
    void invalidSignUpListsEveryBadField() throws Exception {
        mvc.perform(signup("10.0.0.2", """
                        {"workspaceName": "", "email": "not-an-email", "password": "short", "name": "X"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists());
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefused() throws Exception {
        String body = """
                {"workspaceName": "Dup", "email": "dup@acme.test", "password": "long-enough-1", "name": "Dup"}
                """;
        mvc.perform(signup("10.0.0.3", body)).andExpect(status().isCreated());
        mvc.perform(signup("10.0.0.3", body)).andExpect(status().isConflict());
    }

    @Test
    void signUpIsRateLimitedPerAddress() throws Exception {
        for (int i = 0; i < 6; i++) {
            mvc.perform(signup("10.0.0.99", "{\"workspaceName\": \"W\", \"email\": \"flood" + i
                    + "@acme.test\", \"password\": \"" + TestWorkspaces.PASSWORD + "\", \"name\": \"F\"}"))
                    .andExpect(status().is(i < 5 ? 201 : 429));
        }
    }
}
