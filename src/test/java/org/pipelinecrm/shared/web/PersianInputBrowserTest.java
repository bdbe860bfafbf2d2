package org.pipelinecrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.opportunity.OpportunityView;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Persian reader makes a deal with the amount typed in Persian digits and the close date picked in the Solar
 * Hijri calendar, then types another date on the keyboard: the deal keeps the right amount and days, and the page
 * speaks Persian digits.
 */
@IntegrationTest
class PersianInputBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Test
    void aDealWithAPersianAmountAndASolarHijriCloseDate() {
        var ws = workspaces.create();
        String base = "http://localhost:" + port;
        WebDriver browser = Browser.driver();
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.findElement(By.id("language-button")).click();
        Browser.await(browser)
                .until(d -> "rtl".equals(d.findElement(By.tagName("html")).getDomAttribute("dir")));
        try {
            browser.get(base + "/opportunities/new");
            browser.findElement(By.id("name")).sendKeys("قرارداد پارسیان");
            WebElement amount = browser.findElement(By.id("amount"));
            amount.sendKeys("1250000");
            amount.sendKeys(Keys.TAB);
            assertThat(amount.getDomProperty("value"))
                    .as("typed digits are shown Persian, grouped")
                    .isEqualTo("۱٬۲۵۰٬۰۰۰");
            WebElement probability = browser.findElement(By.id("probability"));
            probability.sendKeys("۴۵");

            WebElement close = browser.findElement(By.id("expectedCloseDate-solar"));
            assertThat(browser.findElement(By.cssSelector("label[for='expectedCloseDate-solar']"))
                            .getText())
                    .isNotBlank();
            close.click();
            WebElement popup = Browser.await(browser)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jalali-popup")));
            assertThat(popup.findElement(By.cssSelector(".jalali-week span")).getText())
                    .as("the week starts on Saturday")
                    .isEqualTo("ش");
            popup.findElement(By.cssSelector(".jalali-next")).click();
            popup.findElement(By.cssSelector(".jalali-next")).click();
            LocalDate expected = solarDayInTwoMonths(15);
            WebElement day = popup.findElement(By.xpath(".//button[contains(@class,'jalali-day') and text()='۱۵']"));
            assertThat(day.getDomAttribute("data-date")).isEqualTo(expected.toString());
            day.click();
            assertThat(browser.findElements(By.cssSelector(".jalali-popup"))).isEmpty();
            assertThat(close.getDomProperty("value")).isEqualTo(solar("yyyy/MM/dd", expected));
            assertThat(browser.findElement(By.id("expectedCloseDate")).getDomProperty("value"))
                    .as("the form still sends the ISO day")
                    .isEqualTo(expected.toString());

            browser.findElement(By.id("save")).click();
            Browser.await(browser).until(d -> d.getCurrentUrl().matches(".*/opportunities/\\d+$"));
            long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
            OpportunityView deal = workspaces.as(ws.adminEmail(), () -> opportunities.opportunity(id));
            assertThat(deal.amount()).isEqualByComparingTo(new BigDecimal("1250000"));
            assertThat(deal.probability()).isEqualTo(45);
            assertThat(deal.expectedCloseDate()).isEqualTo(expected);

            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("۱٬۲۵۰٬۰۰۰")
                    .doesNotContain("1,250,000");
            assertThat(browser.findElement(By.id("amount")).getDomProperty("value"))
                    .isEqualTo("۱٬۲۵۰٬۰۰۰");
            assertThat(browser.findElement(By.id("probability")).getDomProperty("value"))
                    .isEqualTo("۴۵");
            // the deal page keeps the whole form under "All fields"
            browser.findElement(By.cssSelector("#deal-all-fields > summary")).click();
            WebElement shown = browser.findElement(By.id("expectedCloseDate-solar"));
            assertThat(shown.getDomProperty("value")).isEqualTo(solar("yyyy/MM/dd", expected));

            // typed on the keyboard instead: Nowruz 1404
            shown.clear();
            shown.sendKeys("۱۴۰۴/۰۱/۰۱");
            shown.sendKeys(Keys.ESCAPE, Keys.TAB);
            assertThat(browser.findElement(By.id("expectedCloseDate")).getDomProperty("value"))
                    .isEqualTo("2025-03-21");
            // an impossible day is refused in the page, not sent
            shown.clear();
            shown.sendKeys("۱۴۰۴/۰۷/۳۱");
            shown.sendKeys(Keys.ESCAPE, Keys.TAB);
            assertThat(shown.getDomAttribute("class")).contains("is-invalid");
            shown.clear();
            shown.sendKeys("1404-1-1");
            shown.sendKeys(Keys.ESCAPE, Keys.TAB);
            assertThat(shown.getDomProperty("value")).isEqualTo("۱۴۰۴/۰۱/۰۱");
            browser.findElement(By.id("save")).click();
            Browser.await(browser)
                    .until(d -> LocalDate.of(2025, 3, 21)
                            .equals(workspaces
                                    .as(ws.adminEmail(), () -> opportunities.opportunity(id))
                                    .expectedCloseDate()));

            // a toast naming a phone number and an address keeps each left to right inside the Persian sentence
            ((JavascriptExecutor) browser)
                    .executeScript("window.crmToast('پیامک به +98 912 345 6789 و نامه به mina@pars.example رفت')");
            Browser.await(browser)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#toasts bdi[dir='ltr']")));
            assertThat(browser.findElements(By.cssSelector("#toasts bdi[dir='ltr']")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .containsExactly("+98 912 345 6789", "mina@pars.example");

            // on a phone the calendar stays on the screen
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(base + "/opportunities/" + id);
            browser.findElement(By.cssSelector("#deal-all-fields > summary")).click();
            WebElement field = browser.findElement(By.id("expectedCloseDate-solar"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
            field.click();
            WebElement small = Browser.await(browser)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jalali-popup")));
            long left = ((Number) ((JavascriptExecutor) browser)
                            .executeScript("return arguments[0].getBoundingClientRect().left", small))
                    .longValue();
            long right = ((Number) ((JavascriptExecutor) browser)
                            .executeScript("return arguments[0].getBoundingClientRect().right", small))
                    .longValue();
            long width = ((Number)
                            ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth"))
                    .longValue();
            assertThat(left).isGreaterThanOrEqualTo(0);
            assertThat(right).isLessThanOrEqualTo(width);
            assertThat(small.findElement(By.cssSelector(".jalali-day.selected")).getDomAttribute("data-date"))
                    .isEqualTo("2025-03-21");
            // the today button picks today, and the keyboard closes the calendar
            small.findElement(By.cssSelector(".jalali-today")).click();
            assertThat(browser.findElement(By.id("expectedCloseDate")).getDomProperty("value"))
                    .isEqualTo(LocalDate.now().toString());
            assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
            browser.findElement(By.id("language-button")).click();
            Browser.await(browser)
                    .until(d -> "ltr".equals(d.findElement(By.tagName("html")).getDomAttribute("dir")));
        }
    }

    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");

    /** The given day of the Solar Hijri month two months after this one, as a Gregorian day. */
    private static LocalDate solarDayInTwoMonths(int dayOfMonth) {
        Calendar calendar = Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN);
        calendar.setTime(Date.from(LocalDate.now().atStartOfDay(ZoneOffset.UTC).toInstant()));
        calendar.set(Calendar.DAY_OF_MONTH, 1);
        calendar.add(Calendar.MONTH, 2);
        calendar.set(Calendar.DAY_OF_MONTH, dayOfMonth);
        return calendar.getTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String solar(String pattern, LocalDate day) {
        var format = new com.ibm.icu.text.SimpleDateFormat(pattern, PERSIAN);
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
