package org.pipelinecrm.qualification;

import java.time.LocalDate;
import java.util.List;
import org.pipelinecrm.demo.DemoContributor;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.lead.LeadFilter;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.qualification.QualificationCmd.Answer;
import org.pipelinecrm.qualification.QualificationCmd.TimelineAnswer;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accepted demo leads with scorecards at different points: just started, half way, one letter short, qualified. */
@Component
class DemoScorecards implements DemoContributor {

    private final Leads leads;
    private final Qualifications qualifications;

    DemoScorecards(Leads leads, Qualifications qualifications) {
        this.leads = leads;
        this.qualifications = qualifications;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional
    public void populate(DemoWorkspace ws) {
        // contributors run as the demo's admin
        Actor admin = new Actor(ws.adminId(), ws.id(), Role.ADMIN, null);
        List<LeadView> accepted = leads.list(
                        new LeadFilter(LeadStatus.ACCEPTED, null, null, null, null, null, null, null),
                        PageRequest.of(0, 5, Sort.by("id")),
                        admin)
                .getContent();
        LocalDate today = LocalDate.now();
        List<QualificationCmd> cards = List.of(
                new QualificationCmd(
                        new Answer(LetterStatus.MET, "Budget set aside for this year's CRM project"),
                        null,
                        new Answer(LetterStatus.MET, "Leads lost between marketing and sales"),
                        null,
                        LevelStatus.PASSED,
                        null,
                        null,
                        null),
                new QualificationCmd(
                        new Answer(LetterStatus.MET, "Approved by the CFO"),
                        new Answer(LetterStatus.MET, "Head of sales signs"),
                        new Answer(LetterStatus.MET, null),
                        new TimelineAnswer(LetterStatus.MET, "Wants to start next quarter", today.plusMonths(3)),
                        LevelStatus.PASSED,
                        LevelStatus.PASSED,
                        LevelStatus.UNKNOWN,
                        null),
                new QualificationCmd(
                        new Answer(LetterStatus.UNKNOWN, "Still waiting for budget approval"),
                        new Answer(LetterStatus.NOT_MET, "Could not answer questions about strategy"),
                        new Answer(LetterStatus.MET, null),
                        new TimelineAnswer(LetterStatus.NOT_MET, "Plans to buy next year", today.plusMonths(15)),
                        LevelStatus.PASSED,
                        LevelStatus.PASSED,
                        LevelStatus.FAILED,
                        null),
                new QualificationCmd(
                        new Answer(LetterStatus.MET, "Budget confirmed"),
                        new Answer(LetterStatus.MET, "Talking to the COO, who decides"),
                        new Answer(LetterStatus.MET, "Spreadsheets no longer scale"),
                        new TimelineAnswer(LetterStatus.MET, "Decision this month", today.plusMonths(1)),
                        LevelStatus.PASSED,
                        LevelStatus.PASSED,
                        LevelStatus.PASSED,
                        null));
        for (int i = 0; i < Math.min(cards.size(), accepted.size()); i++) {
            qualifications.answer(accepted.get(i).id(), cards.get(i), admin);
        }
    }
}
