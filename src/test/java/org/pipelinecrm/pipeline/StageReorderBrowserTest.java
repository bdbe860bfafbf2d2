package org.pipelinecrm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin drags a stage to another place in the stage editor, saves, and the pipeline keeps that order. */
@IntegrationTest
class StageReorderBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Pipelines pipelines;

    @Test
    void aDraggedStageKeepsItsNewPlaceAfterSaving() {
        var ws = workspaces.create();
        PipelineView sales =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        StageView proposal = sales.stages().get(3);
        WebDriver browser = Browser.driver();
        Browser.signIn(browser, "http://localhost:" + port, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get("http://localhost:" + port + "/settings/pipelines/" + sales.id());

        // Drag "Proposal" (fourth) by its handle onto the first row.
        WebElement handle = row(browser, proposal.id()).findElement(By.className("stage-handle"));
        WebElement first = row(browser, sales.stages().get(0).id());
        new Actions(browser)
                .clickAndHold(handle)
                .moveByOffset(3, 3)
                .pause(150)
                .moveToElement(first, 0, -10)
                .pause(150)
                .moveByOffset(0, -5)
                .pause(150)
                .release()
                .perform();
        Browser.await(browser).until(b -> stageIdsOnPage(b).indexOf(String.valueOf(proposal.id())) == 0);

        WebElement save = browser.findElement(By.id("save-stages"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
        save.click();
        Browser.await(browser)
                .until(b -> !b.findElements(By.cssSelector(".alert-success")).isEmpty());
        assertThat(stageIdsOnPage(browser).get(0)).isEqualTo(String.valueOf(proposal.id()));
        List<String> saved = workspaces.as(ws.adminEmail(), () -> pipelines.pipeline(sales.id())).stages().stream()
                .map(StageView::name)
                .toList();
        assertThat(saved)
                .startsWith(
                        proposal.name(),
                        sales.stages().get(0).name(),
                        sales.stages().get(1).name(),
                        sales.stages().get(2).name(),
                        sales.stages().get(4).name());
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }

    private static WebElement row(WebDriver browser, long stageId) {
        return browser.findElement(By.cssSelector(".stage-row[data-stage-id='" + stageId + "']"));
    }

    private static List<String> stageIdsOnPage(WebDriver browser) {
        return browser.findElements(By.cssSelector(".stage-row")).stream()
                .map(r -> r.getDomAttribute("data-stage-id"))
                .filter(id -> id != null && !id.isEmpty())
                .toList();
    }
}
