package org.pipelinecrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * Latin words a Persian page may show: the product's name, the way back to English, and the abbreviations Persian
     * sales teams use as they are (MQL, SQL, BANT, CSV, UTC, currency codes), and the keys as printed on keyboards.
     */
    static final Set<String> OWN_WORDS = Set.of(
            "Pipeline",
            "CRM",
            "English",
            "BANT",
            "CSV",
            "UTF",
            "UTC",
            "IRR",
            "USD",
            "EUR",
            "API",
            "MQL",
            "SQL",
            "PQL",
            "CQL",
            "Enter",
            "Escape");

    /** Code a page's text names on purpose: a header to send, the reason codes an admin types, an API path. */
    static final Map<String, Set<String>> CODE_ON_PAGE = Map.of(
            "/settings/profile", Set.of("Authorization", "Bearer", "token"),
            "/settings/handoff",
                    Set.of(
                            "NOT",
                            "FIT",
                            "NO",
                            "BUDGET",
                            "WRONG",
                            "CONTACT",
                            "BAD",
                            "DATA",
                            "DUPLICATE",
                            "TOO",
                            "EARLY"),
            "/settings/web-form", Set.of("HTML", "JSON", "api", "forms"),
            // the names of the encodings a file may be in
            "/imports/new", Set.of("windows", "Windows"));

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
        var ws = workspaces.createPersian();
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
            var response =
                    mvc.perform(get(page).with(me).cookie(PERSIAN)).andReturn().getResponse();
            if (response.getStatus() != 200) {
                found.add(page + ": status " + response.getStatus());
            }
            String html = response.getContentAsString();
            english(html, ws).stream()
                    .filter(word -> !CODE_ON_PAGE.getOrDefault(page, Set.of()).contains(word))
                    .forEach(word -> found.add(page + ": " + word));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theLeadPageKeepsAddressesLeftToRightAndWordsItsScoreInPersianDigits() throws Exception {
        var ws = workspaces.createPersian();
        long lead = id(post("/api/v1/leads")
                .with(ws.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lastName\": \"مرادی\", \"email\": \"mina@pars.example\","
                        + " \"phone\": \"+۹۸ ۲۱ ۵۵۵۵ ۰۱۰۱\", \"companySize\": \"۲۵۰\"}"));
        String page = mvc.perform(get("/leads/" + lead)
                        .with(user(users.loadUserByUsername(ws.adminEmail())))
                        .cookie(PERSIAN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<html lang=\"fa\" dir=\"rtl\"")
                .containsPattern("<bdi dir=\"ltr\" id=\"lead-email\"><span [^>]*>mina@pars.example</span></bdi>")
                .containsPattern("<bdi dir=\"ltr\" id=\"lead-phone\"><span [^>]*>\\+98 21 5555 0101</span></bdi>");
        // the size rule of the workspace's scorecard, its bound and the points in Persian digits
        String breakdown = page.substring(page.indexOf("id=\"score-breakdown\""));
        breakdown = breakdown.substring(0, breakdown.indexOf("</ul>"));
        assertThat(breakdown).contains("۲۰۰").contains("+۱۰").doesNotContainPattern("[0-9]");
        assertThat(english(page, ws)).isEmpty();
    }

    @Test
    void errorAnswersAndFormErrorsReadPersian() throws Exception {
        var ws = workspaces.createPersian();
        // bean validation's own messages, in an API answer to a Persian reader
        String answer = mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .header("Accept-Language", "fa")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"" + "ب".repeat(120) + "\", \"email\": \"not-an-address\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(answer, "$.errors[*].message"))
                .hasSize(2)
                .allSatisfy(message -> assertThat(message).doesNotContainPattern("[A-Za-z]{3,}"));
        assertThat(JsonPath.<List<String>>read(answer, "$.errors[*].message").toString())
                .as("the bounds in Persian digits")
                .contains("۱۰۰");
        // the same on a page: the deal form with nothing right in it
        var me = user(users.loadUserByUsername(ws.adminEmail()));
        String pipelines = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String page = mvc.perform(post("/opportunities")
                        .with(me)
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .cookie(PERSIAN)
                        .param("name", "")
                        .param("pipelineId", String.valueOf(((Number) JsonPath.read(pipelines, "$[0].id")).longValue()))
                        .param("amount", "-۵")
                        .param("probability", "۱۵۰")
                        .param("expectedCloseDate", "فردا"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("is-invalid");
        assertThat(english(page, ws)).isEmpty();
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
                .replaceAll("(?s)<template.*?</template>", " ")
                // code the reader copies (an API header, field names, a form's HTML) is the same in every language
                .replaceAll("(?s)<(code|pre|textarea)\\b.*?</\\1>", " ");
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
                .replaceAll("https?://\\S+", " ")
                // the source and the scoring event a web-form lead is made with, named as they are stored
                .replace("«Web form»", " ")
                .replace("FORM_SUBMITTED", " ")
                .replace("Workspace " + ws.suffix(), " ")
                .replace("Admin " + ws.suffix(), " ")
                .replaceAll("\\b[A-Z][A-Za-z]+/[A-Za-z0-9_/+-]+", " "); // time zone ids
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
