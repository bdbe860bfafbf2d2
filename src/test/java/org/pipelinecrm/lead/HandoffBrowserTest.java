package org.pipelinecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Issue #4's story: import with a bad row, MQL through events, handoff, rejection with a reason seen by marketing. */
@IntegrationTest
class HandoffBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    MockMvc mvc;

    @Test
    void marketerImportsHandsOffAndSeesWhySalesRejected() throws Exception {
        var ws = workspaces.create();
        long marketing = workspaces.addTeam(ws, "Marketing");
        long sales = workspaces.addTeam(ws, "Sales");
        var marketer = workspaces.addPerson(ws, Role.MARKETER, marketing);
        var rep = workspaces.addPerson(ws, Role.SALES_REP, sales);
        String base = "http://localhost:" + port;
        WebDriver browser = Browser.driver();
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, base, marketer.email(), TestWorkspaces.PASSWORD);

        Path csv = Files.createTempFile("leads", ".csv");
        Files.writeString(
                csv,
                "externalId,firstName,lastName,email,company\r\n"
                        + "b-1,Mina,Shams,mina@shams.test,Shams Co\r\n"
                        + "b-2,Bad,Row,not-an-email,Nowhere\r\n");
        browser.get(base + "/imports/new");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("import-upload")).click();
        try {
            Browser.await(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("import-preview-table"), "Shams Co"));
        } catch (RuntimeException e) {
            System.out.println("PAGE-DEBUG " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw e;
        }
        assertThat(new Select(browser.findElement(By.id("field-email")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("email");
        browser.findElement(By.id("import-start")).click();
        try {
            Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
        } catch (RuntimeException e) {
            System.out.println("PAGE-DEBUG " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw e;
        }
        assertThat(browser.findElement(By.tagName("progress")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("import-errors")).getText())
                .contains("3")
                .contains("email");

        String list = mvc.perform(get("/api/v1/leads?q=shams").with(marketer.basic()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(list, "$.items[0].id")).longValue();
        for (String type : new String[] {"DEMO_REQUESTED", "MEETING_BOOKED"}) {
            mvc.perform(post("/api/v1/leads/" + id + "/events")
                    .with(marketer.basic())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"type\": \"" + type + "\"}"));
        }
        browser.get(base + "/leads/" + id);
        assertThat(browser.findElement(By.id("lead-type")).getDomAttribute("data-value"))
                .isEqualTo("MQL");
        new Select(browser.findElement(By.cssSelector("#handoff-form select[name=teamId]")))
                .selectByVisibleText("Sales");
        browser.findElement(By.cssSelector("#handoff-form input[name=note]")).sendKeys("Booked a meeting");
        browser.findElement(By.cssSelector("#handoff-form button")).click();
        Browser.await(browser)
                .until(ExpectedConditions.attributeToBe(By.id("lead-status"), "data-value", "HANDED_OFF"));

        browser.manage().deleteAllCookies();
        Browser.signIn(browser, base, rep.email(), TestWorkspaces.PASSWORD);
        browser.get(base + "/leads/inbox");
        browser.findElement(By.partialLinkText("Shams")).click();
        new Select(browser.findElement(By.cssSelector("#reject-form select[name=reason]"))).selectByValue("TOO_EARLY");
        browser.findElement(By.cssSelector("#reject-form input[name=note]")).sendKeys("Buying next year");
        browser.findElement(By.cssSelector("#reject-form button")).click();
        Browser.await(browser).until(ExpectedConditions.urlContains("/leads/inbox"));

        browser.manage().deleteAllCookies();
        Browser.signIn(browser, base, marketer.email(), TestWorkspaces.PASSWORD);
        browser.get(base + "/leads/" + id);
        var reason = browser.findElement(By.id("lead-reason"));
        assertThat(reason.getDomAttribute("data-value")).isEqualTo("TOO_EARLY");
        assertThat(reason.getText()).contains("Buying next year");
    }
}
