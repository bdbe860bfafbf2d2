package org.pipelinecrm.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pipelinecrm.automation.AutomationView.ActionType;
import org.pipelinecrm.automation.AutomationView.TriggerType;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.FieldType;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.support.Browser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin builds a rule from the lists on the automations page: the inputs follow the choices, and it is saved. */
@IntegrationTest
class AutomationSettingsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Pipelines pipelines;

    @Autowired
    Automations automations;

    @Autowired
    CustomFields customFields;

    @Test
    void anAdminBuildsAStageRuleWithATaskAndANotice() {
        var ws = workspaces.create();
        PipelineView sales =
                workspaces.as(ws.adminEmail(), () -> pipelines.visible().get(0));
        StageView proposal = sales.stages().get(2);
        workspaces.as(
                ws.adminEmail(),
                () -> customFields.define(new CustomFields.DefineCmd(
                        RecordKind.OPPORTUNITY,
                        "region",
                        "Region",
                        "منطقه",
                        FieldType.SELECT,
                        List.of("EMEA", "APAC"),
                        false,
                        null)));
        WebDriver browser = Browser.driver();
        Browser.signIn(browser, "http://localhost:" + port, ws.adminEmail(), TestWorkspaces.PASSWORD);
        browser.get("http://localhost:" + port + "/settings/automations");

        browser.findElement(By.id("rule-name")).sendKeys("Proposal follow-up");
        new Select(browser.findElement(By.id("trigger-type"))).selectByValue("LEAD_STATUS");
        assertThat(browser.findElement(By.id("trigger-status")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("trigger-stage")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("trigger-type"))).selectByValue("STAGE_ENTERED");
        new Select(browser.findElement(By.id("trigger-pipeline"))).selectByValue(String.valueOf(sales.id()));
        new Select(browser.findElement(By.id("trigger-stage"))).selectByValue(String.valueOf(proposal.id()));

        assertThat(browser.findElement(By.id("action-title-0")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("action-type-0"))).selectByValue("CREATE_TASK");
        assertThat(browser.findElement(By.id("action-title-0")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("action-message-0")).isDisplayed()).isFalse();
        browser.findElement(By.id("action-title-0")).sendKeys("Call about the proposal");
        browser.findElement(By.id("action-days-0")).sendKeys("2");
        new Select(browser.findElement(By.id("action-type-1"))).selectByValue("NOTIFY_OWNER");
        browser.findElement(By.id("action-message-1")).sendKeys("Your deal reached Proposal");
        // a deal's custom field is offered by its label beside the standard fields
        new Select(browser.findElement(By.id("action-type-2"))).selectByValue("SET_FIELD");
        Select field = new Select(browser.findElement(By.id("action-field-2")));
        assertThat(field.getOptions()).extracting(WebElement::getText).contains("Region", "Source");
        field.selectByVisibleText("Region");
        browser.findElement(By.id("action-value-2")).sendKeys("EMEA");

        WebElement save = browser.findElement(By.id("save-automation"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
        save.click();
        Browser.await(browser)
                .until(b -> !b.findElements(By.id("automation-saved")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".automation-rule .rule-name"))
                        .getText())
                .isEqualTo("Proposal follow-up");

        List<AutomationView> saved = workspaces.as(ws.adminEmail(), () -> automations.all());
        assertThat(saved).hasSize(1);
        AutomationView rule = saved.get(0);
        assertThat(rule.trigger().type()).isEqualTo(TriggerType.STAGE_ENTERED);
        assertThat(rule.trigger().stageId()).isEqualTo(proposal.id());
        assertThat(rule.actions())
                .extracting(AutomationView.Action::type)
                .containsExactly(ActionType.CREATE_TASK, ActionType.NOTIFY_OWNER, ActionType.SET_FIELD);
        assertThat(rule.actions().get(2).field()).isEqualTo("cf.region");
        assertThat(rule.actions().get(2).value()).isEqualTo("EMEA");
        assertThat(rule.actions().get(0).title()).isEqualTo("Call about the proposal");
        assertThat(rule.actions().get(0).dueInDays()).isEqualTo(2);
        assertThat(rule.actions().get(1).message()).isEqualTo("Your deal reached Proposal");

        // a rule without a stage is refused in the form, not with an error page
        browser.findElement(By.id("rule-name")).sendKeys("No stage");
        new Select(browser.findElement(By.id("action-type-0"))).selectByValue("NOTIFY_OWNER");
        browser.findElement(By.id("action-message-0")).sendKeys("Hello");
        save = browser.findElement(By.id("save-automation"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
        save.click();
        Browser.await(browser)
                .until(b -> !b.findElements(By.id("automation-error")).isEmpty());
        assertThat(workspaces.as(ws.adminEmail(), () -> automations.all())).hasSize(1);
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }
}
