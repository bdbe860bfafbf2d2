package org.pipelinecrm.scoring;

import java.util.List;
import org.pipelinecrm.scoring.FitRule.Operator;

/** The model a new workspace starts with: a simple BANT-like fit plus common behaviour signals. */
final class DefaultModel {

    private DefaultModel() {}

    static ScoringRules rules() {
        return new ScoringRules(
                List.of(
                        new FitRule("industry", Operator.IN, "Software,Technology,Finance,Banking", 15),
                        new FitRule("companySize", Operator.GTE, "200", 10),
                        new FitRule("annualRevenue", Operator.GTE, "1000000", 10),
                        new FitRule("title", Operator.CONTAINS, "Director", 5),
                        new FitRule("email", Operator.PRESENT, "", 5)),
                List.of(
                        new BehaviourRule("EMAIL_OPENED", 2),
                        new BehaviourRule("EMAIL_REPLIED", 10),
                        new BehaviourRule("PAGE_VISIT", 3),
                        new BehaviourRule("CONTENT_DOWNLOADED", 10),
                        new BehaviourRule("DEMO_REQUESTED", 25),
                        new BehaviourRule("MEETING_BOOKED", 30),
                        new BehaviourRule("FORM_SUBMITTED", 15),
                        new BehaviourRule("UNSUBSCRIBED", -30),
                        new BehaviourRule("EMAIL_BOUNCED", -10)),
                10,
                50,
                80,
                0);
    }
}
