package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** From the board: log a call, plan the next step, see it on the card, complete it; the timeline tells it all. */
@IntegrationTest
class DealTimelineBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    Pipelines pipelines;

    WebDriver browser;
    long dealId;

    @Test
    void aCallAndANextStepFromTheBoardEndUpOnTheDealsTimelineInOrder() {
        var ws = workspaces.create();
        PipelineView pipeline =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        dealId = workspaces.as(
                ws.adminEmail(),
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                "Initech upgrade",
                                null,
                                null,
                                pipeline.id(),
                                null,
                                new BigDecimal("4200"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
        String base = "http://localhost:" + port;
        browser = Browser.driver();
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get(base + "/pipeline?pipelineId=" + pipeline.id());
        assertThat(card().findElements(By.cssSelector(".no-next-step"))).hasSize(1);

        fromCardMenu(".card-log-activity");
        Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("log-activity-form")));
        assertThat(browser.findElement(By.id("record-title")).getText()).isEqualTo("Initech upgrade");
        browser.findElement(By.id("subject")).sendKeys("Discovery call with Initech");
        browser.findElement(By.id("durationMinutes")).sendKeys("25");
        browser.findElement(By.id("log-activity-save")).click();

        Browser.await(browser)
                .until(b -> b.getCurrentUrl().contains("/pipeline")
                        && !card().getText().isEmpty());
        fromCardMenu(".card-add-task");
        Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("add-task-form")));
        browser.findElement(By.id("title")).sendKeys("Send the proposal");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = '2031-03-14T10:00'", browser.findElement(By.id("dueAt")));
        browser.findElement(By.id("add-task-save")).click();

        Browser.await(browser)
                .until(b -> b.getCurrentUrl().contains("/pipeline")
                        && !card().findElements(By.cssSelector(".next-step-title"))
                                .isEmpty());
        assertThat(card().findElement(By.cssSelector(".next-step-title")).getText())
                .isEqualTo("Send the proposal");
        assertThat(card().findElements(By.cssSelector(".no-next-step"))).isEmpty();

        card().findElement(By.cssSelector(".complete-next-step")).click();
        Browser.await(browser)
                .until(b ->
                        !card().findElements(By.cssSelector(".no-next-step")).isEmpty());

        browser.get(base + "/opportunities/" + dealId);
        Browser.await(browser)
                .until(b -> b.findElements(By.cssSelector("#deal-timeline .timeline-entry"))
                                .size()
                        >= 3);
        List<String> titles =
                browser.findElements(By.cssSelector("#deal-timeline .timeline-entry .entry-title")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(titles)
                .containsExactly(
                        "Send the proposal",
                        "Discovery call with Initech",
                        "Created in " + pipeline.openStages().get(0).name());
        List<String> kinds = browser.findElements(By.cssSelector("#deal-timeline .timeline-entry")).stream()
                .map(e -> e.getDomAttribute("data-kind"))
                .toList();
        assertThat(kinds).containsExactly("TASK", "CALL", "STAGE_CHANGE");
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }

    private WebElement card() {
        return browser.findElement(By.cssSelector(".board-card[data-id='" + dealId + "']"));
    }

    private void fromCardMenu(String item) {
        WebElement menu = card().findElement(By.cssSelector(".board-card-menu"));
        menu.click();
        WebElement link = card().findElement(By.cssSelector(item));
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(link))
                .click();
    }
}
