package org.pipelinecrm.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Blockers and refusals on the lead, scorecard and conversion pages read in the reader's language. */
@IntegrationTest
class LeadPagesLanguageTest {

    static final Cookie PERSIAN = new Cookie("crm-lang", "fa");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    @Autowired
    MessageSource messages;

    @Test
    void aRefusedConversionAndAnIllegalMoveAreExplainedInPersian() throws Exception {
        var ws = workspaces.create();
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        String created = mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Moradi\", \"company\": \"Delta Logistics\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        long version = ((Number) JsonPath.read(created, "$.version")).longValue();

        String panel = mvc.perform(
                        get("/leads/" + id + "/qualification").with(admin).cookie(PERSIAN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(panel).contains("N — نیاز — نامشخص", "سطح ذینفع — نامشخص").doesNotContain("is not known yet");

        String refused = mvc.perform(post("/leads/" + id + "/convert")
                        .with(admin)
                        .with(csrf())
                        .cookie(PERSIAN)
                        .param("opportunityName", "Delta rollout")
                        .param("account", "new"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("convert-refused", "B — بودجه — نامشخص", "سطح سازمان — نامشخص")
                .doesNotContain("Budget", "is not known yet");

        String illegal = mvc.perform(post("/leads/" + id + "/accept")
                        .with(admin)
                        .with(csrf())
                        .cookie(PERSIAN)
                        .param("version", "" + version))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(illegal)
                .contains("سرنخی که در وضعیت تازه است نمی‌تواند به پذیرفته‌شده برود")
                .doesNotContain("NEW", "ACCEPTED");
        String stale = mvc.perform(post("/leads/" + id + "/work")
                        .with(admin)
                        .with(csrf())
                        .cookie(PERSIAN)
                        .param("version", "" + (version + 5)))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(stale).contains("فرد دیگری این رکورد را هم‌زمان تغییر داده است");
    }

    @Test
    void theBlockersOfARefusalAreMessageArgumentsInTheReadersLanguageAndEnglishInTheApi() {
        var refused = new NotQualifiedException(List.of(
                Blocker.of(Topic.BUDGET, LetterStatus.UNKNOWN), Blocker.of(Topic.STAKEHOLDER, LevelStatus.FAILED)));
        assertThat(messages.getMessage(refused.getMessageKey(), refused.getArguments(), Locale.forLanguageTag("fa")))
                .isEqualTo("این سرنخ هنوز واجد شرایط نیست: B — بودجه — نامشخص، سطح ذینفع — رد شده");
        assertThat(messages.getMessage(refused.getMessageKey(), refused.getArguments(), Locale.ENGLISH))
                .isEqualTo("The lead is not qualified yet: B — Budget — Unknown, Stakeholder level — Failed");
        assertThat(refused.getMessage()).contains("Budget is not known yet", "Stakeholder level failed");
    }
}
