package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class BoardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealMoves moves;

    @Autowired
    Pipelines pipelines;

    WebDriver browser;
    TestWorkspaces.Workspace ws;
    PipelineView pipeline;
    long dealId;

    @BeforeEach
    void aWorkspaceWithOneDeal() {
        ws = workspaces.create();
        pipeline = workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
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
        browser = Browser.driver();
        Browser.signIn(browser, "http://localhost:" + port, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get("http://localhost:" + port + "/pipeline?pipelineId=" + pipeline.id());
    }

    private WebElement column(int index) {
        return browser.findElement(By.cssSelector(".board-cards[data-stage-id='"
                + pipeline.openStages().get(index).id() + "']"));
    }

    private WebElement card() {
        return browser.findElement(By.cssSelector(".board-card[data-id='" + dealId + "']"));
    }

    private void drag(WebElement card, WebElement target) {
        new Actions(browser)
                .clickAndHold(card)
                .moveByOffset(5, 5)
                .pause(100)
                .moveToElement(target)
                .pause(100)
                .moveByOffset(0, 2)
                .pause(100)
                .release()
                .perform();
    }

    private String parentStage() {
        return card().findElement(By.xpath("..")).getDomAttribute("data-stage-id");
    }

    @Test
    void aDraggedCardStaysInItsNewColumnAfterReload() {
        drag(card(), column(2));
        Browser.await(browser)
                .until(b -> opportunities != null
                        && workspaces.as(
                                        ws.adminEmail(),
                                        () -> opportunities.opportunity(dealId).stageId())
                                == pipeline.openStages().get(2).id());
        browser.navigate().refresh();
        assertThat(parentStage())
                .isEqualTo(String.valueOf(pipeline.openStages().get(2).id()));
        assertThat(column(2).findElement(By.xpath("../header")).getText()).contains("1");
    }

    @Test
    void droppingOnLostWithoutAReasonIsRefused() {
        drag(card(), browser.findElement(By.id("drop-lost")));
        Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("lost-confirm")));
        browser.findElement(By.id("lost-confirm")).click();
        Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lost-form .invalid-feedback")));
        browser.findElement(By.id("lost-cancel")).click();
        Browser.await(browser).until(b -> card().isDisplayed());
        assertThat(parentStage())
                .isEqualTo(String.valueOf(pipeline.openStages().get(0).id()));
        browser.navigate().refresh();
        assertThat(parentStage())
                .isEqualTo(String.valueOf(pipeline.openStages().get(0).id()));
        assertThat(workspaces.as(
                        ws.adminEmail(),
                        () -> opportunities.opportunity(dealId).status().name()))
                .isEqualTo("OPEN");
    }

    @Test
    void aMoveOnAStaleCardShowsWhoChangedTheDeal() {
        // Someone else moves the deal after the board was loaded.
        workspaces.as(
                ws.adminEmail(),
                () -> moves.move(dealId, pipeline.openStages().get(3).id(), 0, null, null));
        drag(card(), column(1));
        WebElement message =
                Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("board-message")));
        assertThat(message.getText())
                .contains("changed this deal")
                .contains(pipeline.openStages().get(3).name());
        assertThat(parentStage())
                .isEqualTo(String.valueOf(pipeline.openStages().get(0).id()));
    }

    @Test
    void theCardMenuMovesADealWithoutDragging() {
        card().findElement(By.cssSelector(".board-card-menu")).click();
        // the menu offers every stage but the one the deal is in
        assertThat(card().findElements(By.cssSelector(
                        "[data-move-to='" + pipeline.openStages().get(0).id() + "']")))
                .isEmpty();
        assertThat(card().findElements(By.cssSelector("[data-move-to]")))
                .hasSize(pipeline.stages().size() - 1);
        WebElement target = card().findElement(By.cssSelector(
                "[data-move-to='" + pipeline.openStages().get(1).id() + "']"));
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(target))
                .click();
        Browser.await(browser)
                .until(b -> workspaces.as(
                                ws.adminEmail(),
                                () -> opportunities.opportunity(dealId).stageId())
                        == pipeline.openStages().get(1).id());
        Browser.await(browser)
                .until(b -> b.findElements(By.cssSelector(".board-count"))
                        .get(1)
                        .getText()
                        .equals("1"));
        // opened again in its new column, it offers the way back and names the deal in its links
        card().findElement(By.cssSelector(".board-card-menu")).click();
        Browser.await(browser)
                .until(b -> !card().findElements(By.cssSelector(
                                "[data-move-to='" + pipeline.openStages().get(0).id() + "']"))
                        .isEmpty());
        assertThat(card().findElements(By.cssSelector(
                        "[data-move-to='" + pipeline.openStages().get(1).id() + "']")))
                .isEmpty();
        assertThat(card().findElement(By.cssSelector(".card-add-task")).getDomAttribute("href"))
                .contains("recordId=" + dealId);
    }

    @Test
    void theBoardWorksRightToLeftInPersian() {
        browser.findElement(By.id("language-button")).click();
        Browser.await(browser)
                .until(b -> "rtl".equals(b.findElement(By.tagName("html")).getDomAttribute("dir")));
        browser.get("http://localhost:" + port + "/pipeline?pipelineId=" + pipeline.id());
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                .isEqualTo("rtl");
        assertThat(browser.findElement(By.id("drop-lost")).getText()).contains("ازدست‌رفته");
        drag(card(), column(1));
        Browser.await(browser)
                .until(b -> workspaces.as(
                                ws.adminEmail(),
                                () -> opportunities.opportunity(dealId).stageId())
                        == pipeline.openStages().get(1).id());
        browser.navigate().refresh();
        assertThat(parentStage())
                .isEqualTo(String.valueOf(pipeline.openStages().get(1).id()));
        assertThat(card().getText()).contains("روز در این مرحله");
    }

    @Test
    void loadMoreBringsTheNextCardsOfAColumn() {
        workspaces.as(ws.adminEmail(), () -> {
            for (int i = 0; i < 24; i++) {
                opportunities.create(new Opportunities.CreateCmd(
                        "Bulk deal " + i,
                        null,
                        null,
                        pipeline.id(),
                        null,
                        BigDecimal.TEN,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
            }
            return null;
        });
        browser.navigate().refresh();
        assertThat(column(0).findElements(By.cssSelector(".board-card"))).hasSize(20);
        assertThat(column(0).findElement(By.xpath("../header")).getText()).contains("25");
        WebElement more = column(0).findElement(By.cssSelector(".board-more"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", more);
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(more))
                .click();
        Browser.await(browser)
                .until(b ->
                        column(0).findElements(By.cssSelector(".board-card")).size() == 25);
        assertThat(column(0).findElements(By.cssSelector(".board-more"))).isEmpty();
        assertThat(card().isDisplayed()).isTrue(); // the oldest deal came last
    }
}
