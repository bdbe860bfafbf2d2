package org.pipelinecrm.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.support.TestWorkspaces.Workspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The work lists in a browser: a rep works My tasks (each task names and links its record, is completed in place,
 * the due-soon banner stays dismissed until a later task falls due) and answers the handoff inbox in the row
 * (accept; reject only with a chosen reason, "other" only with a note) — in English at desktop size, and in
 * Persian at phone size.
 */
@IntegrationTest
class WorkListsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void desktopAgain() {
        Browser.driver().manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void aRepWorksMyTasksInEnglish() throws Exception {
        WebDriver browser = open(1440, 900);
        var ws = workspaces.create();
        long account = id(mvc.perform(post("/api/v1/accounts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Acme Corp\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        long lead = lead(ws, "Sara", "Lee", "Acme");
        Instant now = Instant.now();
        task(ws, "Call Sara back", now.minus(Duration.ofHours(2)), "LEAD", lead);
        long soon = task(ws, "Send Acme the quote", now.plus(Duration.ofMinutes(20)), "ACCOUNT", account);
        task(ws, "Plan the quarter", now.plus(Duration.ofDays(3)), null, null);

        signIn(browser, ws);
        browser.get(base() + "/tasks");
        var rows = browser.findElements(By.cssSelector("#task-lists .task"));
        assertThat(rows)
                .extracting(r -> r.findElement(By.cssSelector(".task-title")).getText())
                .as("overdue first, then by due time")
                .containsExactly("Call Sara back", "Send Acme the quote", "Plan the quarter");
        WebElement overdue = browser.findElement(By.cssSelector("#tasks-overdue .task"));
        WebElement leadLink = overdue.findElement(By.cssSelector("a.task-record"));
        assertThat(leadLink.getText()).contains("Sara Lee").contains("Acme");
        assertThat(leadLink.getDomAttribute("href")).isEqualTo("/leads/" + lead);
        assertThat(rows.get(1).findElement(By.cssSelector("a.task-record")).getText())
                .isEqualTo("Acme Corp");
        assertThat(rows.get(2).findElements(By.cssSelector("a.task-record"))).isEmpty();

        // completed in place: the row stays, done, with a way back; a toast says so; the count follows
        assertThat(browser.findElement(By.id("task-count")).getText()).isEqualTo("2");
        overdue.findElement(By.cssSelector(".complete-task")).click();
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "The task is done."));
        Browser.await(browser)
                .until(d -> "1".equals(d.findElement(By.id("task-count")).getText()));
        assertThat(browser.findElement(By.cssSelector("#tasks-overdue li")).getAttribute("class"))
                .contains("task-done");
        assertThat(browser.findElement(By.cssSelector("#tasks-overdue .reopen-task"))
                        .isDisplayed())
                .isTrue();
        browser.get(base() + "/tasks");
        assertThat(browser.findElements(By.id("tasks-overdue")))
                .as("gone once the page is read again")
                .isEmpty();

        // the banner names the record; dismissed, it stays dismissed on the next page
        WebElement banner =
                Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("due-soon")));
        assertThat(banner.findElement(By.cssSelector(".task-reminder-record")).getText())
                .isEqualTo("Acme Corp");
        assertThat(banner.findElement(By.cssSelector(".task-reminder-record")).getDomAttribute("href"))
                .isEqualTo("/accounts/" + account);
        browser.findElement(By.id("dismiss-reminders")).click();
        assertThat(banner.isDisplayed()).isFalse();
        browser.get(base() + "/leads");
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("due-soon")));
        assertThat(browser.findElement(By.id("due-soon")).isDisplayed()).isFalse();

        // until a task falls due later than the ones it showed
        task(ws, "Confirm the demo", now.plus(Duration.ofMinutes(40)), null, null);
        browser.get(base() + "/tasks");
        banner = Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("due-soon")));
        assertThat(banner.getText()).contains("Confirm the demo").contains("Send Acme the quote");

        // a stale version is refused with the reason in a toast, and nothing changes
        mvc.perform(post("/api/v1/tasks/" + soon + "/complete")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0}"))
                .andExpect(status().isOk());
        browser.findElement(By.cssSelector("#task-" + soon + " .complete-task")).click();
        Browser.await(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "changed"));
        assertThat(browser.findElements(By.cssSelector("#task-" + soon + ".task-done")))
                .isEmpty();

        // a task added with the form: confirmed with a toast, the form empty again
        browser.findElement(By.id("task-title")).sendKeys("Prepare the renewal");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('task-due').value = '2030-01-07T10:00'");
        browser.findElement(By.cssSelector("#add-task button[type=submit]")).click();
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "The task is added."));
        assertThat(browser.findElement(By.id("task-title")).getDomProperty("value"))
                .isEmpty();
        assertThat(browser.findElement(By.id("tasks-upcoming")).getText()).contains("Prepare the renewal");
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }

    @Test
    void aRepAnswersTheInboxInEnglish() throws Exception {
        WebDriver browser = open(1440, 900);
        var ws = workspaces.create();
        long first = handedOff(ws, lead(ws, "Mina", "Shams", "Shams Co"));
        long second = handedOff(ws, lead(ws, "Omid", "Rad", "Rad Ltd"));
        long third = handedOff(ws, lead(ws, "Leila", "Karimi", "Karimi & Co"));
        long fourth = handedOff(ws, lead(ws, "Reza", "Amini", "Amini Inc"));

        signIn(browser, ws);
        browser.get(base() + "/leads/inbox");
        row(browser, first).findElement(By.cssSelector(".accept-lead")).click();
        Browser.await(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Accepted"));
        Browser.await(browser)
                .until(d -> row(d, first)
                                .findElements(By.cssSelector(".lead-answered"))
                                .size()
                        == 1);
        assertThat(leadStatus(ws, first)).isEqualTo("ACCEPTED");

        // rejecting: no preset reason, so the browser refuses to send until one is chosen
        row(browser, second).findElement(By.cssSelector(".open-reject")).click();
        WebElement form = row(browser, second).findElement(By.cssSelector(".reject-form"));
        assertThat(new Select(form.findElement(By.name("reason")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEmpty();
        form.findElement(By.cssSelector(".send-reject")).click();
        assertThat(valid(browser, form.findElement(By.name("reason")))).isFalse();
        assertThat(leadStatus(ws, second)).isEqualTo("HANDED_OFF");
        // and should the browser send it anyway, the server answers the row with the reason marked
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].removeAttribute('required')", form.findElement(By.name("reason")));
        form.findElement(By.cssSelector(".send-reject")).click();
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("inbox-lead-" + second), "Choose why you reject this lead."));
        form = row(browser, second).findElement(By.cssSelector(".reject-form"));
        assertThat(form.isDisplayed()).isTrue();
        assertThat(form.findElement(By.name("reason")).getAttribute("class")).contains("is-invalid");
        assertThat(leadStatus(ws, second)).isEqualTo("HANDED_OFF");
        // "other" needs a note
        new Select(form.findElement(By.name("reason"))).selectByValue("OTHER");
        form.findElement(By.cssSelector(".send-reject")).click();
        assertThat(valid(browser, form.findElement(By.name("note")))).isFalse();
        assertThat(leadStatus(ws, second)).isEqualTo("HANDED_OFF");
        form.findElement(By.name("note")).sendKeys("Is a reseller, not a buyer");
        form.findElement(By.cssSelector(".send-reject")).click();
        Browser.await(browser)
                .until(d -> row(d, second)
                                .findElements(By.cssSelector(".lead-answered"))
                                .size()
                        == 1);
        assertThat(row(browser, second).getText()).contains("Rejected");
        assertThat(leadStatus(ws, second)).isEqualTo("REJECTED");

        // two at once, after confirming
        row(browser, third).findElement(By.cssSelector(".select-lead")).click();
        row(browser, fourth).findElement(By.cssSelector(".select-lead")).click();
        browser.findElement(By.id("accept-selected")).click();
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(By.id("confirm-go")))
                .click();
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Leads accepted: 2"));
        assertThat(leadStatus(ws, third)).isEqualTo("ACCEPTED");
        assertThat(leadStatus(ws, fourth)).isEqualTo("ACCEPTED");
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }

    @Test
    void inPersianOnAPhoneTasksAreCompletedAndLeadsAcceptedInTheRow() throws Exception {
        WebDriver browser = open(1440, 900);
        var ws = workspaces.create();
        long account = id(mvc.perform(post("/api/v1/accounts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"پارسیان\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        task(ws, "تماس با پارسیان", Instant.now().minus(Duration.ofHours(1)), "ACCOUNT", account);
        long lead = handedOff(ws, lead(ws, "مینا", "شمس", "شمس"));

        signIn(browser, ws);
        browser.findElement(By.id("language-button")).click();
        Browser.await(browser)
                .until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(base() + "/tasks");
            WebElement row = browser.findElement(By.cssSelector("#tasks-overdue .task"));
            assertThat(row.findElement(By.cssSelector("a.task-record")).getText())
                    .isEqualTo("پارسیان");
            row.findElement(By.cssSelector(".complete-task")).click();
            Browser.await(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "کار انجام شد."));
            assertThat(browser.findElement(By.cssSelector("#tasks-overdue li")).getAttribute("class"))
                    .contains("task-done");

            browser.get(base() + "/leads/inbox");
            WebElement accept = row(browser, lead).findElement(By.cssSelector(".accept-lead"));
            assertThat(accept.isDisplayed())
                    .as("the answer column fits on a phone")
                    .isTrue();
            accept.click();
            Browser.await(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "پذیرفته شد"));
            assertThat(leadStatus(ws, lead)).isEqualTo("ACCEPTED");
            assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
            browser.findElement(By.id("language-button")).click();
            Browser.await(browser)
                    .until(d -> "ltr".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
        }
    }

    private WebDriver open(int width, int height) {
        WebDriver browser = Browser.driver();
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    private void signIn(WebDriver browser, Workspace ws) {
        Browser.signIn(browser, base(), ws.adminEmail(), TestWorkspaces.PASSWORD);
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear()");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static WebElement row(WebDriver browser, long lead) {
        return browser.findElement(By.id("inbox-lead-" + lead));
    }

    private static boolean valid(WebDriver browser, WebElement field) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("return arguments[0].validity.valid", field);
    }

    private long task(Workspace ws, String title, Instant due, String recordType, Long recordId) throws Exception {
        String record =
                recordType == null ? "" : ", \"recordType\": \"%s\", \"recordId\": %d".formatted(recordType, recordId);
        return id(mvc.perform(post("/api/v1/tasks")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"%s\", \"dueAt\": \"%s\"%s}".formatted(title, due, record)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private long lead(Workspace ws, String first, String last, String company) throws Exception {
        return id(mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\": \"%s\", \"lastName\": \"%s\", \"company\": \"%s\", \"type\": \"MQL\"}"
                                .formatted(first, last, company)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private long handedOff(Workspace ws, long lead) throws Exception {
        mvc.perform(post("/api/v1/leads/" + lead + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"asked for pricing\"}"))
                .andExpect(status().isOk());
        return lead;
    }

    private String leadStatus(Workspace ws, long lead) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/leads/" + lead).with(ws.admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.status");
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
