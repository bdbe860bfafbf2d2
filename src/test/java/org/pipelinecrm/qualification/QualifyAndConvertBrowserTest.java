package org.pipelinecrm.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Issue #5's story: a rep fills the scorecard in Persian, sees the blockers shrink, converts, lands on the deal. */
@IntegrationTest
class QualifyAndConvertBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    MockMvc mvc;

    @Autowired
    Pipelines pipelines;

    @Test
    void aRepQualifiesALeadInPersianAndConvertsItIntoADealInTheFirstStage() throws Exception {
        var ws = workspaces.create();
        long sales = workspaces.addTeam(ws, "Sales");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, sales);
        String created = mvc.perform(post("/api/v1/leads")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"firstName": "Neda", "lastName": "Tehrani", "email": "neda@caspian.example",
                                 "company": "Caspian Energy", "industry": "Energy", "source": "Conference"}
                                """))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long leadId = ((Number) JsonPath.read(created, "$.id")).longValue();
        String firstStage = workspaces.as(
                rep.email(),
                () -> pipelines.visible().get(0).openStages().get(0).name());

        String base = "http://localhost:" + port;
        WebDriver browser = Browser.driver();
        Browser.signIn(browser, base, rep.email(), TestWorkspaces.PASSWORD);
        browser.findElement(By.id("language-button")).click();
        Browser.await(browser)
                .until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));

        browser.get(base + "/leads/" + leadId);
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("scorecard-form")));
        assertThat(browser.findElements(By.cssSelector("#blockers li"))).hasSize(7);
        assertThat(browser.findElement(By.cssSelector(".guiding-questions[data-topic='BUDGET']"))
                        .getText())
                .as("the seed article's budget questions, in Persian")
                .contains("بودجه");
        assertThat(browser.findElement(By.id("qualified-badge")).getText()).isEqualTo("هنوز واجد شرایط نیست");

        choose(browser, "budget-status", "MET");
        browser.findElement(By.id("budget-note")).sendKeys("بودجه سال آینده تصویب شده است");
        choose(browser, "authority-status", "MET");
        click(browser, "save-qualification");
        Browser.await(browser)
                .until(d -> d.findElements(By.cssSelector("#blockers li")).size() == 5);
        assertThat(browser.findElement(By.id("blockers")).getText())
                .contains("نیاز")
                .doesNotContain("بودجه");

        choose(browser, "need-status", "MET");
        choose(browser, "timeline-status", "MET");
        java.time.LocalDate purchase = java.time.LocalDate.now().plusMonths(3);
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                        browser.findElement(By.id("expected-purchase")),
                        purchase.toString());
        // the field shows the day it stands for in the Solar Hijri calendar, and names it in full
        WebElement shown = browser.findElement(By.id("expected-purchase-solar"));
        assertThat(shown.getDomProperty("value")).isEqualTo(solar("yyyy/MM/dd", purchase));
        assertThat(shown.getDomAttribute("title"))
                .contains(solar("MMMM", purchase))
                .contains(solar("y", purchase));
        choose(browser, "organization-status", "PASSED");
        choose(browser, "opportunity-status", "PASSED");
        click(browser, "save-qualification");
        Browser.await(browser)
                .until(d -> d.findElements(By.cssSelector("#blockers li")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#blockers li")).getDomAttribute("data-topic"))
                .isEqualTo("STAKEHOLDER");
        assertThat(browser.findElements(By.id("convert-link"))).isEmpty();

        choose(browser, "stakeholder-status", "PASSED");
        click(browser, "save-qualification");
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("no-blockers")));
        assertThat(browser.findElement(By.id("qualified-badge")).getText()).isEqualTo("واجد شرایط");
        assertThat(browser.findElement(By.id("budget-note")).getDomProperty("value"))
                .isEqualTo("بودجه سال آینده تصویب شده است");

        click(browser, "convert-link");
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("convert-form")));
        assertThat(browser.findElement(By.id("opportunityName")).getDomProperty("value"))
                .isEqualTo("Caspian Energy");
        browser.findElement(By.id("amount")).sendKeys("48000");
        click(browser, "convert");

        Browser.await(browser).until(d -> d.getCurrentUrl().matches(".*/opportunities/\\d+$"));
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("deal-stage")));
        assertThat(browser.findElement(By.id("deal-name")).getText()).isEqualTo("Caspian Energy");
        assertThat(browser.findElement(By.id("deal-stage")).getText()).isEqualTo(firstStage);
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();

        // back on the lead: converted, with the way to its deal
        browser.get(base + "/leads/" + leadId);
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("converted-opportunity")));
        assertThat(browser.findElement(By.id("lead-status")).getDomAttribute("data-value"))
                .isEqualTo("CONVERTED");
        browser.findElement(By.id("language-button")).click();
        Browser.await(browser)
                .until(d -> "ltr".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
    }

    private static void choose(WebDriver browser, String id, String value) {
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    /** The scorecard is long: bring the button to the middle of the window, clear of fixed bars, then click. */
    private static void click(WebDriver browser, String id) {
        var button = Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        Browser.await(browser)
                .until(ExpectedConditions.elementToBeClickable(By.id(id)))
                .click();
    }

    /** A part of the day in the Persian (Solar Hijri) calendar, with Persian digits, as ICU writes it. */
    private static String solar(String pattern, java.time.LocalDate day) {
        var format =
                new com.ibm.icu.text.SimpleDateFormat(pattern, new com.ibm.icu.util.ULocale("fa_IR@calendar=persian"));
        format.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
        return format.format(
                java.util.Date.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }
}
