package org.pipelinecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A lead edited where it is shown: click, type, Enter; Escape cancels; a conflict names who changed it; in Persian. */
@IntegrationTest
class InlineEditBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Leads leads;

    @Autowired
    Opportunities opportunities;

    private WebDriver browser;

    private WebElement field(String name) {
        return browser.findElement(By.cssSelector(".inline-edit[data-field='" + name + "']"));
    }

    private WebElement openInput() {
        return Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inline-edit-box .form-control")));
    }

    private void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    private long lead(TestWorkspaces.Workspace ws) {
        return workspaces.as(
                ws.adminEmail(),
                () -> leads.create(
                                new LeadDetails(
                                        "Nima",
                                        "Rahimi",
                                        null,
                                        "021 1111",
                                        "Rahimi Co",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "Fair",
                                        LeadType.MQL,
                                        null,
                                        null,
                                        null),
                                true,
                                CurrentUser.actor())
                        .id());
    }

    @Test
    void aLeadIsEditedOnItsPageCancelledWithEscapeAndAConflictNamesWhoChangedIt() {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        long id = lead(ws);
        String base = "http://localhost:" + port;
        browser = Browser.driver();
        browser.manage().window().setSize(new Dimension(1400, 1000));
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get(base + "/leads/" + id);

        // click, type, Enter: saved without a reload, flashed, and still there after one
        field("phone").click();
        WebElement input = openInput();
        type(input, "+98 21 5555 0101");
        input.sendKeys(Keys.ENTER);
        Browser.await(browser)
                .until(b ->
                        field("phone").isDisplayed() && field("phone").getText().equals("+98 21 5555 0101"));
        assertThat(field("phone").getDomAttribute("class")).contains("inline-edit-saved");
        browser.navigate().refresh();
        assertThat(field("phone").getText()).isEqualTo("+98 21 5555 0101");

        // from the keyboard: the field is reached and opened without a mouse; Escape cancels
        field("company").sendKeys(Keys.ENTER);
        input = openInput();
        type(input, "Not this");
        input.sendKeys(Keys.ESCAPE);
        Browser.await(browser).until(b -> field("company").isDisplayed());
        assertThat(field("company").getText()).isEqualTo("Rahimi Co");
        browser.navigate().refresh();
        assertThat(field("company").getText()).isEqualTo("Rahimi Co");

        // a wrong value is refused at the field, and the page keeps what was typed
        field("email").click();
        input = openInput();
        type(input, "not-an-address");
        input.sendKeys(Keys.ENTER);
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".inline-edit-error"), "not a valid e-mail"));
        input.sendKeys(Keys.ESCAPE);

        // someone else changes the lead meanwhile: the stale edit says who
        workspaces.as(
                manager.email(),
                () -> leads.change(
                        id,
                        new LeadDetails(
                                null, null, null, null, null, "Buyer", null, null, null, null, null, null, null, null,
                                null),
                        null,
                        CurrentUser.actor()));
        field("industry").click();
        input = openInput();
        type(input, "Logistics");
        input.sendKeys(Keys.ENTER);
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".inline-edit-error"), "MANAGER " + ws.suffix()));
        assertThat(browser.findElement(By.cssSelector(".inline-edit-error")).getText())
                .contains("changed this record");
        browser.navigate().refresh();
        assertThat(field("industry").getText()).isEqualTo("—"); // an empty field says so
        assertThat(field("title").getText()).isEqualTo("Buyer");

        // an optional number typed, then cleared: none is kept, and the field shows "—"
        field("companySize").click();
        input = openInput();
        type(input, "250");
        input.sendKeys(Keys.ENTER);
        Browser.await(browser)
                .until(b -> field("companySize").isDisplayed()
                        && field("companySize").getText().equals("250"));
        field("companySize").click();
        input = openInput();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.ENTER);
        Browser.await(browser)
                .until(b -> field("companySize").isDisplayed()
                        && field("companySize").getText().equals("—"));

        // the owner is chosen from the workspace's people, from the keyboard
        field("ownerId").sendKeys(Keys.ENTER);
        WebElement owner = Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inline-edit-box select")));
        new Select(owner).selectByVisibleText("MANAGER " + ws.suffix());
        owner.sendKeys(Keys.ENTER);
        Browser.await(browser)
                .until(b -> field("ownerId").isDisplayed()
                        && field("ownerId").getText().equals("MANAGER " + ws.suffix()));
        browser.navigate().refresh();
        assertThat(field("ownerId").getText()).isEqualTo("MANAGER " + ws.suffix());
        assertThat(field("companySize").getText()).isEqualTo("—");
        assertThat(workspaces
                        .as(ws.adminEmail(), () -> leads.get(id, CurrentUser.actor()))
                        .companySize())
                .isNull();
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }

    @Test
    void inPersianTheLeadAndTheDealAreEditedRightToLeftAndFitAPhone() {
        var ws = workspaces.create();
        long id = lead(ws);
        long deal = workspaces.addDeal(ws.adminEmail(), "Phone deal " + ws.suffix());
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        String base = "http://localhost:" + port;
        browser = Browser.driver();
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get(base + "/leads/" + id);
        browser.findElement(By.id("language-button")).click();
        Browser.await(browser)
                .until(b -> "rtl".equals(b.findElement(By.tagName("html")).getDomAttribute("dir")));
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(base + "/leads/" + id);

            field("industry").click();
            WebElement input = openInput();
            type(input, "فناوری اطلاعات");
            input.sendKeys(Keys.ENTER);
            Browser.await(browser).until(b -> field("industry").getText().equals("فناوری اطلاعات"));
            browser.navigate().refresh();
            assertThat(field("industry").getText()).isEqualTo("فناوری اطلاعات");

            // a required field left empty is refused in Persian, at the field
            field("lastName").click();
            input = openInput();
            type(input, " ");
            input.sendKeys(Keys.ENTER);
            Browser.await(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".inline-edit-error"), "این فیلد را پر کنید"));
            input.sendKeys(Keys.ESCAPE);
            assertThat(fitsTheWidth()).isTrue();

            // the deal page: its amount typed in Persian digits, its stage bar within a phone's width
            browser.get(base + "/opportunities/" + deal);
            assertThat(browser.findElements(By.cssSelector("#stage-bar button")))
                    .isNotEmpty();
            field("amount").click();
            input = openInput();
            type(input, "۱۲۵۰۰");
            input.sendKeys(Keys.ENTER);
            Browser.await(browser).until(b -> {
                // a new deal has no amount until one is typed
                BigDecimal amount = workspaces
                        .as(ws.adminEmail(), () -> opportunities.opportunity(deal))
                        .amount();
                return amount != null && amount.compareTo(new BigDecimal("12500")) == 0;
            });
            // an admin gives the deal to a rep from the list in place; the rep's name shows at once
            field("ownerId").click();
            WebElement owner = Browser.await(browser)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".inline-edit-box select")));
            new Select(owner).selectByVisibleText("SALES_REP " + ws.suffix());
            owner.sendKeys(Keys.ENTER);
            Browser.await(browser)
                    .until(b -> field("ownerId").isDisplayed()
                            && field("ownerId").getText().equals("SALES_REP " + ws.suffix()));
            assertThat(workspaces
                            .as(ws.adminEmail(), () -> opportunities.opportunity(deal))
                            .ownerId())
                    .isEqualTo(rep.id());
            assertThat(fitsTheWidth()).isTrue();
            assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
            browser.findElement(By.id("language-button")).click();
        }
    }

    @Test
    void theDealPagesLogActivityFormClearsItselfAndConfirmsWithAToast() {
        var ws = workspaces.create();
        long deal = workspaces.addDeal(ws.adminEmail(), "Logged deal " + ws.suffix());
        String base = "http://localhost:" + port;
        browser = Browser.driver();
        browser.manage().window().setSize(new Dimension(1400, 1000));
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get(base + "/opportunities/" + deal);
        WebElement subject = browser.findElement(By.cssSelector(".log-activity input[name='subject']"));
        subject.sendKeys("Called about the renewal");
        browser.findElement(By.cssSelector(".log-activity button[type='submit']"))
                .click();
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("timeline-OPPORTUNITY-" + deal), "Called about the renewal"));
        Browser.await(browser)
                .until(b -> b.findElement(By.cssSelector(".log-activity input[name='subject']"))
                        .getDomProperty("value")
                        .isEmpty());
        Browser.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "The activity is logged."));
    }

    private boolean fitsTheWidth() {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
    }
}
