package org.pipelinecrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** On a 390 px phone no main page is wider than the screen, and the lead list keeps "New lead" in view. */
@IntegrationTest
class PhoneWidthBrowserTest {

    private static final int PHONE = 390;

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Pipelines pipelines;

    WebDriver browser = Browser.driver();
    Dimension size = browser.manage().window().getSize();

    @AfterEach
    void restoreTheWindow() {
        browser.manage().window().setSize(size);
    }

    @Test
    void noMainPageIsWiderThanAPhone() {
        var ws = workspaces.create();
        long pipeline =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0).id());
        long deal = workspaces.addDeal(ws.adminEmail(), "A deal with a rather long name to wrap on a phone screen");
        String base = "http://localhost:" + port;
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.manage().window().setSize(new Dimension(PHONE, 844));
        List<String> wide = new ArrayList<>();
        for (String page : List.of(
                "/",
                "/pipeline?pipelineId=" + pipeline,
                "/pipeline/list?pipelineId=" + pipeline,
                "/leads",
                "/dashboard",
                "/opportunities/" + deal,
                "/accounts",
                "/tasks",
                "/targets",
                "/settings",
                "/settings/profile",
                "/settings/pipelines",
                "/settings/pipelines/" + pipeline,
                "/settings/reasons",
                "/settings/users",
                "/settings/teams",
                "/settings/handoff",
                "/settings/web-form",
                "/settings/questions",
                "/settings/scoring")) {
            browser.get(base + page);
            Number width = (Number)
                    ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
            Number viewport = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
            assertThat(viewport.intValue()).as("the window is a phone's").isLessThanOrEqualTo(PHONE);
            if (width.intValue() > PHONE) {
                wide.add(page + " is " + width + " px wide");
            }
        }
        assertThat(wide).isEmpty();

        browser.get(base + "/leads");
        WebElement newLead = browser.findElement(By.linkText("New lead"));
        assertThat(newLead.getRect().getX() + newLead.getRect().getWidth()).isLessThanOrEqualTo(PHONE);
        // bulk actions fold behind one button until wanted
        assertThat(browser.findElement(By.id("bulk-action")).isDisplayed()).isFalse();
        browser.findElement(By.id("bulk-toggle")).click();
        Browser.await(browser).until(b -> b.findElement(By.id("bulk-action")).isDisplayed());
    }
}
