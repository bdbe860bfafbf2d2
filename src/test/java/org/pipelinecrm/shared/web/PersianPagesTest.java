package org.pipelinecrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every main page read in Persian says everything in Persian: no missing text key and no English word in what the
 * reader sees or hears (labels, placeholders, titles), beyond names and addresses that are the workspace's own.
 */
@IntegrationTest
class PersianPagesTest {

    static final Cookie PERSIAN = new Cookie("crm-lang", "fa");

    /** Latin words a Persian page may show: the product's name, the way back to English, codes that are names. */
    static final Set<String> OWN_WORDS = Set.of("Pipeline", "CRM", "English", "BANT", "CSV", "IRR", "USD", "EUR");

    private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
    private static final Pattern SEEN_ATTRIBUTES =
            Pattern.compile("\\s(?:aria-label|placeholder|title|alt|data-confirm|data-toast)=\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    @Test
    void theMainPagesInPersianHaveNoEnglishLeft() throws Exception {
        var ws = workspaces.create();
        long lead = id(post("/api/v1/leads")
                .with(ws.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\": \"مینا\", \"lastName\": \"مرادی\", \"company\": \"پارس\","
                        + " \"email\": \"mina@pars.example\", \"phone\": \"+98 21 5555 0101\","
                        + " \"companySize\": 250}"));
        long account = id(post("/api/v1/accounts")
                .with(ws.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"پارسیان\"}"));
        long deal = id(post("/api/v1/opportunities")
                .with(ws.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"قرارداد پارسیان\", \"amount\": 1250000, \"accountId\": " + account + "}"));
        var me = user(users.loadUserByUsername(ws.adminEmail()));

        List<String> pages = List.of(
                "/dashboard",
                "/leads",
                "/leads/new",
                "/leads/" + lead,
                "/leads/inbox",
                "/pipeline",
                "/opportunities/new",
                "/opportunities/" + deal,
                "/accounts",
                "/accounts/new",
                "/accounts/" + account,
                "/targets",
                "/tasks",
                "/tasks/new",
                "/settings",
                "/settings/profile",
                "/settings/users",
                "/settings/teams",
                "/settings/pipelines",
                "/settings/reasons",
                "/settings/scoring",
                "/settings/handoff",
                "/settings/web-form",
                "/imports/new");
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            String html = mvc.perform(get(page).with(me).cookie(PERSIAN))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            english(html, ws).forEach(word -> found.add(page + ": " + word));
        }
        assertThat(found).isEmpty();
    }

    /** The Latin words of what a reader sees and hears on the page, less the workspace's own names. */
    static Set<String> english(String html, TestWorkspaces.Workspace ws) {
        Set<String> words = new LinkedHashSet<>();
        if (html.contains("??")) {
            Matcher missing = Pattern.compile("\\?\\?[^?]*\\?\\?").matcher(html);
            while (missing.find()) {
                words.add(missing.group());
            }
        }
        String page = html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<template.*?</template>", " ");
        StringBuilder seen = new StringBuilder();
        Matcher attribute = SEEN_ATTRIBUTES.matcher(page);
        while (attribute.find()) {
            seen.append(' ').append(attribute.group(1));
        }
        seen.append(' ').append(page.replaceAll("(?s)<[^>]*>", " "));
        String text = seen.toString()
                .replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replaceAll("\\S+@\\S+", " ")
                .replace("Workspace " + ws.suffix(), " ")
                .replace("Admin " + ws.suffix(), " ")
                .replaceAll("\\b[A-Z][A-Za-z]+/[A-Za-z_/]+\\b", " "); // time zone ids
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (!OWN_WORDS.contains(word.group())) {
                words.add(word.group());
            }
        }
        return words;
    }

    private long id(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        String body = mvc.perform(request).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
