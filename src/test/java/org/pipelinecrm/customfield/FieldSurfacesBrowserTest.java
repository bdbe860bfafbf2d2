package org.pipelinecrm.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A rep edits a contact's custom field in place (Escape leaves it, Enter saves) and filters the deal list by one. */
@IntegrationTest
class FieldSurfacesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    MockMvc mvc;

    private long create(TestWorkspaces.Workspace ws, String path, String json) throws Exception {
        String body = mvc.perform(post(path)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aContactsFieldIsEditedInPlaceAndTheDealListFiltersByAField() throws Exception {
        var ws = workspaces.create();
        create(
                ws,
                "/api/v1/fields",
                "{\"recordKind\": \"CONTACT\", \"key\": \"seats\", \"label\": \"Seats\","
                        + " \"labelFa\": \"صندلی‌ها\", \"type\": \"NUMBER\"}");
        create(
                ws,
                "/api/v1/fields",
                "{\"recordKind\": \"OPPORTUNITY\", \"key\": \"region\", \"label\": \"Region\","
                        + " \"labelFa\": \"منطقه\", \"type\": \"SELECT\", \"options\": [\"EMEA\", \"APAC\"]}");
        long account = create(ws, "/api/v1/accounts", "{\"name\": \"Initech\"}");
        long contact = create(ws, "/api/v1/accounts/" + account + "/contacts", "{\"lastName\": \"Lumbergh\"}");
        long tokyo = create(
                ws, "/api/v1/opportunities", "{\"name\": \"Tokyo rollout\", \"customFields\": {\"region\": \"APAC\"}}");
        create(ws, "/api/v1/opportunities", "{\"name\": \"Berlin rollout\", \"customFields\": {\"region\": \"EMEA\"}}");
        String base = "http://localhost:" + port;
        WebDriver browser = Browser.driver();
        Browser.signIn(browser, base, ws.adminEmail(), TestWorkspaces.PASSWORD);

        browser.get(base + "/contacts/" + contact);
        By seats = By.cssSelector("#custom-fields dd[data-field='seats']");
        browser.findElement(By.id("custom-fields-edit")).click();
        WebElement input =
                Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-seats")));
        input.sendKeys("99");
        input.sendKeys(Keys.ESCAPE);
        Browser.await(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("cf-seats")));
        assertThat(browser.findElement(seats).getText()).isEqualTo("—");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("custom-fields-edit");

        browser.findElement(By.id("custom-fields-edit")).click();
        input = Browser.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-seats")));
        input.clear();
        input.sendKeys("twelve", Keys.ENTER);
        Browser.await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#custom-fields .invalid-feedback")));
        input = browser.findElement(By.id("cf-seats"));
        input.clear();
        input.sendKeys("12", Keys.ENTER);
        Browser.await(browser).until(ExpectedConditions.textToBePresentInElementLocated(seats, "12"));

        browser.get(base + "/pipeline/list");
        assertThat(browser.findElements(By.xpath("//a[text()='Berlin rollout']")))
                .isNotEmpty();
        new Select(browser.findElement(By.id("cf-filter-region"))).selectByValue("APAC");
        Browser.await(browser).until(ExpectedConditions.urlContains("cf.region=APAC"));
        Browser.await(browser)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".deal-row[data-id='" + tokyo + "']")));
        assertThat(browser.findElements(By.xpath("//a[text()='Berlin rollout']")))
                .isEmpty();
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }
}
