package org.pipelinecrm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Deleting asks first, in a modal that names what goes: Escape keeps it, the confirm button deletes it. */
@IntegrationTest
class DeleteConfirmationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Pipelines pipelines;

    @Test
    void deletingAStageAsksFirstNamingTheStage() {
        var ws = workspaces.create();
        PipelineView pipeline =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        StageView stage = pipeline.openStages().get(1);
        WebDriver browser = Browser.driver();
        Browser.signIn(browser, "http://localhost:" + port, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get("http://localhost:" + port + "/settings/pipelines/" + pipeline.id());
        By delete = By.cssSelector("[data-stage-id='" + stage.id() + "'] .stage-delete");

        browser.findElement(delete).click();
        WebElement modal =
                Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-modal")));
        assertThat(modal.findElement(By.id("confirm-message")).getText()).contains("“" + stage.name() + "”");
        // the confirm button has the focus; Escape closes the modal and nothing is deleted
        Browser.await(browser)
                .until(b -> "confirm-go".equals(b.switchTo().activeElement().getDomAttribute("id")));
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        Browser.await(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-modal")));
        assertThat(workspaces.as(ws.adminEmail(), () -> pipelines.findStage(stage.id())))
                .isPresent();

        browser.findElement(delete).click();
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(By.id("confirm-go")))
                .click();
        Browser.await(browser)
                .until(b -> workspaces
                        .as(ws.adminEmail(), () -> pipelines.findStage(stage.id()))
                        .isEmpty());
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(browser.findElements(delete)).isEmpty();
    }
}
