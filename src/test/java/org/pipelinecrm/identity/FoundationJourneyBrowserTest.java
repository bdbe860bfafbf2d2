package org.pipelinecrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pipelinecrm.demo.DemoData;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A newcomer signs up, signs in, reads the product in Persian; a demo rep signs in to their own language. */
@IntegrationTest
class FoundationJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Test
    void signUpSignInSwitchToPersianThenSignInAsTheDemoRep() {
        WebDriver browser = Browser.driver();
        String base = "http://localhost:" + port;
        String email = "owner-" + UUID.randomUUID() + "@journey.test";
        browser.manage().deleteAllCookies();

        browser.get(base + "/signup");
        browser.findElement(By.id("workspaceName")).sendKeys("Journey Traders");
        browser.findElement(By.id("name")).sendKeys("Nika Owner");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.id("create-workspace")).click();
        // a too-short password is explained next to the field, and nothing else typed is lost
        assertThat(Browser.await(browser)
                        .until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector("#password + .invalid-feedback")))
                        .getText())
                .isNotBlank();
        assertThat(browser.findElement(By.id("workspaceName")).getAttribute("value"))
                .isEqualTo("Journey Traders");

        browser.findElement(By.id("password")).sendKeys("a-long-password-1");
        browser.findElement(By.id("create-workspace")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-up")));

        Browser.signIn(browser, base, email, "a-long-password-1");
        assertThat(browser.findElement(By.id("user-menu")).getText()).isEqualTo("Nika Owner");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");

        browser.findElement(By.id("language-button")).click();
        Browser.await(browser)
                .until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
        // admins land on the dashboard; the home page shows today's date in the workspace's calendar
        browser.get(base + "/");
        String today = browser.findElement(By.id("today")).getText();
        assertThat(today).as("a Solar Hijri date in Persian digits").matches(".*۱۴[۰-۹]{2}.*");
        assertThat(browser.findElement(By.cssSelector("link[href*='bootstrap.rtl']")))
                .isNotNull();
        assertThat(browser.findElement(By.linkText("قیف فروش")).isDisplayed()).isTrue();

        // the choice is the person's: after signing in again elsewhere it is still Persian
        Browser.signIn(browser, base, email, "a-long-password-1");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");

        DemoWorkspace demoWorkspace = demo.create("Demo Journey", "demo-" + UUID.randomUUID() + ".test");
        String rep = "sara@" + demoWorkspace.adminEmail().substring("admin@".length());
        Browser.signIn(browser, base, rep, DemoData.PASSWORD);
        assertThat(browser.findElement(By.id("user-menu")).getText()).isEqualTo("Sara Rahimi");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");

        browser.get(base + "/settings/profile");
        browser.get(base + "/settings");
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();

        browser.get(base + "/settings/users");
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Not allowed");
    }
}
