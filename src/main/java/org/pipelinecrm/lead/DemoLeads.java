package org.pipelinecrm.lead;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pipelinecrm.demo.DemoContributor;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.scoring.Scorecard;
import org.pipelinecrm.scoring.Scoring;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** ~300 leads of the last twelve months, with behaviour, handoffs, acceptances and rejections. */
@Component
class DemoLeads implements DemoContributor {

    private static final String[] FIRST = {
        "Sara", "Reza", "Maryam", "Ali", "Neda", "Omid", "Laura", "James", "Anna", "Daniel", "Fatemeh", "Hossein",
        "Emily", "Lucas", "Zahra", "Mehdi"
    };
    private static final String[] LAST = {
        "Ahmadi",
        "Karimi",
        "Rahimi",
        "Moradi",
        "Smith",
        "Müller",
        "Rossi",
        "Hosseini",
        "Jafari",
        "Brown",
        "Garcia",
        "Novak",
        "Tehrani",
        "Sadeghi"
    };
    private static final String[] COMPANY = {
        "Parsian Systems",
        "Arian Soft",
        "Nova Retail",
        "Blue Harbor Bank",
        "Kavir Steel",
        "Delta Logistics",
        "Sepahan Foods",
        "Brightline Health",
        "Orion Telecom",
        "Tabriz Textiles",
        "Pixel Forge",
        "Alborz Insurance",
        "Caspian Energy",
        "Helix Labs"
    };
    private static final String[] INDUSTRY = {
        "Software", "Finance", "Retail", "Manufacturing", "Healthcare", "Logistics", "Telecom", "Banking"
    };
    private static final String[] COUNTRY = {"Iran", "Iran", "Iran", "Germany", "Turkey", "UAE", "India", "Italy"};
    private static final String[] SOURCE = {
        "Google", "Direct Traffic", "Olark Chat", "Referral", "Webinar", "Conference", "Cold email", "Web form"
    };
    private static final String[] EVENTS = {
        "EMAIL_OPENED",
        "EMAIL_OPENED",
        "PAGE_VISIT",
        "PAGE_VISIT",
        "CONTENT_DOWNLOADED",
        "EMAIL_REPLIED",
        "DEMO_REQUESTED",
        "MEETING_BOOKED",
        "UNSUBSCRIBED",
        "EMAIL_BOUNCED"
    };

    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final ScoreKeeper scores;
    private final Scoring scoring;

    DemoLeads(LeadRepository leads, LeadEventRepository events, ScoreKeeper scores, Scoring scoring) {
        this.leads = leads;
        this.events = events;
        this.scores = scores;
        this.scoring = scoring;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public void populate(DemoWorkspace ws) {
        Random r = ws.random();
        Instant now = Instant.now();
        Scorecard card = scoring.scorecard();
        List<Lead> created = new ArrayList<>();
        List<LeadEvent> behaviour = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            String company = COMPANY[r.nextInt(COMPANY.length)];
            var details = new LeadDetails(
                    first,
                    last,
                    (first + "." + last + i + "@example.com").toLowerCase(),
                    "+98 21 " + (5000000 + r.nextInt(4000000)),
                    company,
                    r.nextInt(4) == 0 ? "Director of IT" : "Manager",
                    INDUSTRY[r.nextInt(INDUSTRY.length)],
                    COUNTRY[r.nextInt(COUNTRY.length)],
                    10 + r.nextInt(900),
                    BigDecimal.valueOf(50_000L + r.nextInt(5_000_000)),
                    SOURCE[r.nextInt(SOURCE.length)],
                    r.nextInt(10) == 0 ? LeadType.CQL : LeadType.UNQUALIFIED,
                    ws.marketerId(),
                    ws.marketingTeamId(),
                    null);
            created.add(Lead.create(details, ws.marketerId(), now.minus(Duration.ofHours(r.nextInt(365 * 24)))));
        }
        leads.saveAll(created);
        for (Lead lead : created) {
            int count = r.nextInt(9);
            for (int e = 0; e < count; e++) {
                long ageHours = Duration.between(lead.createdAt(), now).toHours();
                behaviour.add(new LeadEvent(
                        lead.id(),
                        EVENTS[r.nextInt(EVENTS.length)],
                        lead.createdAt()
                                .plus(Duration.ofHours(
                                        ageHours == 0 ? 0 : r.nextInt((int) Math.min(ageHours, 2000))))));
            }
        }
        events.saveAll(behaviour);
        events.flush();
        for (Lead lead : created) {
            scores.rescore(lead, card, null);
            if (lead.type() == LeadType.MQL && r.nextInt(3) > 0) {
                lead.handOff(ws.salesTeamId(), null, "Asked for pricing", ws.marketerId());
                int outcome = r.nextInt(3);
                if (outcome == 0) {
                    lead.accept(ws.repIds().get(r.nextInt(ws.repIds().size())));
                } else if (outcome == 1) {
                    RejectionReason why = RejectionReason.values()[r.nextInt(RejectionReason.values().length)];
                    lead.reject(
                            why.name(), "Checked on a first call", ws.repIds().get(0));
                }
            } else if (r.nextInt(12) == 0) {
                lead.disqualify(RejectionReason.NOT_A_FIT.name(), "Persona far off", ws.marketerId());
            }
        }
        leads.saveAll(created); // publishes the handoffs and decisions: the timeline writes them
    }
}
