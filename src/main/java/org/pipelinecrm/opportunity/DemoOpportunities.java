package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pipelinecrm.account.AccountSummary;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.account.BuyingRole;
import org.pipelinecrm.demo.DemoContributor;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's deals: a few dozen accounts and ~250 opportunities opened over the last twelve months, walked
 * through the stages with back-dated moves, so ages, stage history and rotting deals show from the first look.
 */
@Component
class DemoOpportunities implements DemoContributor {

    private static final String[] COMPANIES = {
        "Acme Robotics",
        "Globex Energy",
        "Initech",
        "Umbrella Health",
        "Stark Logistics",
        "Wayne Foods",
        "Hooli Cloud",
        "Vandelay Imports",
        "Soylent Farms",
        "Cyberdyne Systems",
        "Tyrell Biotech",
        "Wonka Confectionery",
        "Pars Petrochemical",
        "Kavir Steel",
        "Tabriz Textiles",
        "Caspian Shipping",
        "Zagros Pharma",
        "Alborz Insurance",
        "Persepolis Tours",
        "Golrang Retail",
        "Northwind Traders",
        "Contoso Bank",
        "Fabrikam Motors",
        "Litware Software",
        "Adatum Security",
        "Proseware Media",
        "Woodgrove Finance",
        "Tailspin Airlines",
        "Lucerne Publishing",
        "Fourth Coffee"
    };
    private static final String[] INDUSTRIES = {
        "Software", "Manufacturing", "Healthcare", "Retail", "Energy", "Finance", "Logistics", "Food"
    };
    private static final String[] SOURCES = {"Website", "Referral", "Trade show", "Cold call", "Partner", "Webinar"};
    private static final String[] DEALS = {
        "Annual licence",
        "Pilot project",
        "Platform upgrade",
        "Support renewal",
        "Team expansion",
        "Onboarding package",
        "Integration project",
        "Enterprise plan"
    };
    private static final String[] LOSS = {
        "PRICE", "COMPETITOR", "NO_BUDGET", "NO_DECISION", "TIMING", "LOST_CONTACT", "PRODUCT_FIT"
    };

    private final Accounts accounts;
    private final Pipelines pipelines;
    private final People people;
    private final OpportunityRepository opportunities;

    DemoOpportunities(Accounts accounts, Pipelines pipelines, People people, OpportunityRepository opportunities) {
        this.accounts = accounts;
        this.pipelines = pipelines;
        this.people = people;
        this.opportunities = opportunities;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional
    public void populate(DemoWorkspace demo) {
        Random random = demo.random();
        List<AccountSummary> companies = new ArrayList<>();
        for (String company : COMPANIES) {
            AccountSummary account = accounts.create(new Accounts.AccountCmd(
                    company,
                    company.toLowerCase().replaceAll("[^a-z]", "") + ".example",
                    INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                    random.nextBoolean() ? "51-200" : "201-1000",
                    BigDecimal.valueOf(1_000_000L + random.nextInt(50_000_000)),
                    random.nextBoolean() ? "IR" : "DE"));
            accounts.addContact(
                    account.id(),
                    new Accounts.ContactCmd(
                            "Sam",
                            "Buyer " + company.split(" ")[0],
                            null,
                            null,
                            "Head of operations",
                            BuyingRole.values()[random.nextInt(BuyingRole.values().length)]));
            companies.add(account);
        }
        PipelineView pipeline = pipelines.visible().get(0);
        List<StageView> open = pipeline.openStages();
        StageView won = pipeline.closingStage(StageKind.WON).orElseThrow();
        StageView lost = pipeline.closingStage(StageKind.LOST).orElseThrow();
        List<Long> owners = new ArrayList<>(demo.repIds());
        owners.add(demo.managerId());
        java.util.Map<Long, Long> teams = new java.util.HashMap<>();
        owners.forEach(o -> teams.put(o, people.user(o).teamId()));
        Instant now = Instant.now();
        List<Opportunity> deals = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            long owner = owners.get(random.nextInt(owners.size()));
            AccountSummary account = companies.get(random.nextInt(companies.size()));
            Instant opened = now.minus(Duration.ofHours(24L * 5 + random.nextInt(24 * 360)));
            Opportunity deal = new Opportunity(
                    account.name() + " — " + DEALS[random.nextInt(DEALS.length)],
                    open.get(0),
                    owner,
                    teams.get(owner),
                    owner,
                    opened);
            deal.describe(
                    account.name() + " — " + DEALS[random.nextInt(DEALS.length)],
                    BigDecimal.valueOf(2_000 + random.nextInt(98_000)),
                    null,
                    LocalDate.ofInstant(opened, ZoneOffset.UTC).plusDays(30 + random.nextInt(150)),
                    SOURCES[random.nextInt(SOURCES.length)],
                    account.industry(),
                    "Follow up on the proposal",
                    account.id(),
                    null);
            // Walk forward: each step some days after the last, never into the future.
            int target = random.nextInt(open.size() + 2); // beyond the open stages: won or lost
            Instant at = opened;
            for (int s = 1; s <= Math.min(target, open.size() - 1); s++) {
                Instant next = at.plus(Duration.ofHours(24L + random.nextInt(24 * 20)));
                if (next.isAfter(now)) {
                    break;
                }
                at = next;
                deal.moveTo(open.get(s), null, owner, at);
            }
            if (target >= open.size()) {
                Instant closed = at.plus(Duration.ofHours(24L + random.nextInt(24 * 10)));
                if (closed.isBefore(now)) {
                    boolean isWon = target == open.size();
                    deal.close(
                            isWon ? won : lost,
                            isWon ? "RELATIONSHIP" : LOSS[random.nextInt(LOSS.length)],
                            isWon ? "Signed after the final call" : "Decided against us",
                            owner,
                            closed);
                }
            }
            deals.add(deal);
        }
        opportunities.saveAll(deals); // each deal's stage history is written from its events
    }
}
