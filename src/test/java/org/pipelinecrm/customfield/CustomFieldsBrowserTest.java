package org.pipelinecrm.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin defines a list field, a rep sets it on a deal's page and filters the board by it. */
@IntegrationTest
class CustomFieldsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    long deal(String email, String name) {
        return workspaces.as(
                email,
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                name,
                                null,
                                null,
                                null,
                                null,
                                new BigDecimal("1000"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
    }

    @Test
    void anAdminDefinesARegionARepSetsItAndTheBoardFiltersByIt() {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long initech = deal(rep.email(), "Initech upgrade");
        deal(rep.email(), "Globex renewal");
        String base = "http://localhost:" + port;
        WebDriver browser = Browser.driver();

        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get(base + "/settings/fields?kind=OPPORTUNITY");
        browser.findElement(By.id("new-label")).sendKeys("Region");
        browser.findElement(By.id("new-labelFa")).sendKeys("منطقه");
        browser.findElement(By.id("new-key")).sendKeys("region");
        new Select(browser.findElement(By.id("new-type"))).selectByValue("SELECT");
        browser.findElement(By.id("new-options")).sendKeys("EMEA\nAPAC");
        browser.findElement(By.id("add-field-submit")).click();
        Browser.await(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".custom-field[data-key='region']")));

        Browser.signIn(browser, base, rep.email(), TestWorkspaces.PASSWORD);
        browser.get(base + "/opportunities/" + initech);
        browser.findElement(By.id("custom-fields-edit")).click();
        new Select(Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-region"))))
                .selectByVisibleText("APAC");
        browser.findElement(By.cssSelector("#custom-fields-form button[type='submit']"))
                .click();
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#custom-fields dd[data-field='region']"), "APAC"));

        browser.get(base + "/pipeline");
        assertThat(browser.findElements(By.xpath("//*[contains(text(), 'Globex renewal')]")))
                .isNotEmpty();
        // the board's filters apply as they change
        new Select(browser.findElement(By.id("cf-filter-region"))).selectByValue("APAC");
        Browser.await(browser).until(ExpectedConditions.urlContains("cf.region=APAC"));
        assertThat(browser.findElements(By.cssSelector(".board-card[data-id='" + initech + "']")))
                .hasSize(1);
        assertThat(browser.findElements(By.xpath("//*[contains(text(), 'Globex renewal')]")))
                .isEmpty();
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }
}
