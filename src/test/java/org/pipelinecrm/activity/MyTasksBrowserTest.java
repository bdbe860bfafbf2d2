package org.pipelinecrm.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A rep adds a task through the API, finds it under Today on My tasks, completes it, and it leaves the list. */
@IntegrationTest
class MyTasksBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvc mvc;

    @Test
    void aTaskDueTodayIsCompletedFromMyTasks() throws Exception {
        var ws = workspaces.create(); // new workspaces keep time in UTC
        Instant now = Instant.now();
        Instant tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant due = now.plus(Duration.between(now, tomorrow).dividedBy(2)); // later today, whatever the hour
        mvc.perform(post("/api/v1/tasks").with(ws.admin()).contentType(MediaType.APPLICATION_JSON).content("""
                {"title":"Call Acme about the renewal","dueAt":"%s","priority":"HIGH"}""".formatted(due)))
                .andExpect(status().isCreated());

        WebDriver browser = Browser.driver();
        String base = "http://localhost:" + port;
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        Browser.await(browser).until(ExpectedConditions.textToBe(By.id("task-count"), "1"));
        browser.findElement(By.id("nav-tasks")).click();

        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("tasks-today")));
        assertThat(browser.findElement(By.cssSelector("#tasks-today .task-title")).getText())
                .isEqualTo("Call Acme about the renewal");
        browser.findElement(By.cssSelector("#tasks-today .complete-task")).click();

        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("no-tasks")));
        assertThat(browser.findElements(By.cssSelector(".task"))).isEmpty();
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }
}
