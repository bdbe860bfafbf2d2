package org.pipelinecrm.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.TenantOwned;

/** A person or company whose fit is not yet known. State rules live here as guarded methods. */
@Entity
class Lead extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;
    String firstName;
    String lastName;
    String email;
    String phone;
    String company;
    String title;
    String industry;
    String country;
    Integer companySize;
    BigDecimal annualRevenue;
    String source;
    @Enumerated(EnumType.STRING)
    LeadType type = LeadType.UNQUALIFIED;
    @Enumerated(EnumType.STRING)
    LeadStatus status = LeadStatus.NEW;
    Long ownerId;
    Long teamId;
    String externalId;
    String emailKey;
    String nameKey;
    int score;
    String scoreBreakdown = "[]";
    boolean salesReady;
    Instant handedOffAt;
    Long handedOffBy;
    String handoffNote;
    Long returnedTeamId;
    String reason;
    String reasonNote;
    Long createdBy;
    Instant createdAt = Instant.now();
    Instant updatedAt = Instant.now();
    // Funnel milestones and the records a conversion made (set once, read by dashboards).
    Instant qualifiedAt;
    Instant convertedAt;
    Long convertedAccountId;
    Long convertedContactId;
    Long convertedOpportunityId;
    @Version
    long version;

    protected Lead() {
    }

    Lead(LeadDetails details, Long createdBy) {
        this.createdBy = createdBy;
        change(details);
    }

    void change(LeadDetails d) {
        firstName = trim(d.firstName());
        lastName = trim(d.lastName());
        email = trim(d.email());
        phone = trim(d.phone());
        company = trim(d.company());
        title = trim(d.title());
        industry = trim(d.industry());
        country = trim(d.country());
        companySize = d.companySize();
        annualRevenue = d.annualRevenue();
        source = trim(d.source());
        if (d.type() != null) {
            type = d.type();
        }
        ownerId = d.ownerId();
        teamId = d.teamId();
        externalId = trim(d.externalId());
        emailKey = DuplicateKeys.email(email);
        nameKey = DuplicateKeys.name(company, firstName, lastName);
        updatedAt = Instant.now();
    }

    LeadDetails details() {
        return new LeadDetails(firstName, lastName, email, phone, company, title, industry, country, companySize,
                annualRevenue, source, type, ownerId, teamId, externalId);
    }

    void startWorking() {
        moveTo(LeadStatus.WORKING);
    }

    void nurture() {
        moveTo(LeadStatus.NURTURING);
    }

    /** Marketing hands a marketing-qualified lead to a sales team or rep. */
    void handOff(Long salesTeamId, Long salesOwnerId, String note, long by) {
        if (type != LeadType.MQL && type != LeadType.SQL) {
            throw new ConflictException("lead.handoff.notMql", "Only an MQL can be handed off to sales");
        }
        moveTo(LeadStatus.HANDED_OFF);
        returnedTeamId = teamId;
        if (salesTeamId != null) {
            teamId = salesTeamId;
        }
        ownerId = salesOwnerId;
        handedOffAt = Instant.now();
        handedOffBy = by;
        handoffNote = note;
        reason = null;
        reasonNote = null;
    }

    /** Sales takes the lead to qualify it. */
    void accept(long by) {
        moveTo(LeadStatus.ACCEPTED);
        if (ownerId == null) {
            ownerId = by;
        }
    }

    /** Sales passes with a reason; the lead goes back to the marketer and team who handed it off. */
    void reject(String why, String note) {
        moveTo(LeadStatus.REJECTED);
        reason = why;
        reasonNote = note;
        if (returnedTeamId != null) {
            teamId = returnedTeamId;
        }
        ownerId = handedOffBy;
    }

    void disqualify(String why, String note) {
        moveTo(LeadStatus.DISQUALIFIED);
        reason = why;
        reasonNote = note;
    }

    /**
     * The scorecard became qualified (or stopped being so): the lead follows where its lifecycle allows, and
     * says whether its status changed. A lead still with marketing or in nurture keeps its status.
     */
    boolean qualificationChanged(boolean qualified) {
        if (qualified && status != LeadStatus.QUALIFIED && status.canMoveTo(LeadStatus.QUALIFIED)) {
            moveTo(LeadStatus.QUALIFIED);
            if (qualifiedAt == null) {
                qualifiedAt = Instant.now();
            }
            return true;
        }
        if (!qualified && status == LeadStatus.QUALIFIED) {
            moveTo(LeadStatus.WORKING);
            return true;
        }
        return false;
    }

    /** The lead became an account, a contact and an opportunity; nothing more happens to it. */
    void convert(long accountId, long contactId, long opportunityId) {
        if (!qualificationChanged(true) && status != LeadStatus.QUALIFIED) {
            throw new ConflictException("lead.transition", "A lead that is " + status + " cannot become CONVERTED",
                    worded(status), worded(LeadStatus.CONVERTED));
        }
        moveTo(LeadStatus.CONVERTED);
        convertedAt = Instant.now();
        convertedAccountId = accountId;
        convertedContactId = contactId;
        convertedOpportunityId = opportunityId;
    }

    /** A disqualified lead comes back to be worked again; its history stays. */
    void reopen() {
        if (status != LeadStatus.DISQUALIFIED) {
            throw new ConflictException("lead.transition", "A lead that is " + status + " cannot be re-opened",
                    worded(status), worded(LeadStatus.WORKING));
        }
        moveTo(LeadStatus.WORKING);
        reason = null;
        reasonNote = null;
    }

    /** Takes a new score; returns true when it crossed the MQL threshold and was promoted. */
    boolean rescored(int total, String breakdownJson, boolean mql, boolean salesReady) {
        score = total;
        scoreBreakdown = breakdownJson;
        this.salesReady = salesReady;
        if (mql && type == LeadType.UNQUALIFIED) {
            type = LeadType.MQL;
            return true;
        }
        return false;
    }

    /**
     * Takes in a duplicate that is about to go: fields this lead lacks are filled from it, and a type further
     * along the funnel wins. Status, owner and handoff stay this lead's.
     */
    void absorb(Lead other) {
        LeadDetails mine = details();
        LeadType ownType = type;
        change(other.details().with(new LeadDetails(mine.firstName(), mine.lastName(), mine.email(), mine.phone(),
                mine.company(), mine.title(), mine.industry(), mine.country(), mine.companySize(), mine.annualRevenue(),
                mine.source(), null, ownerId, teamId, mine.externalId())));
        type = ownType == LeadType.UNQUALIFIED ? other.type : ownType;
        if (ownerId == null) {
            ownerId = other.ownerId;
        }
        if (teamId == null) {
            teamId = other.teamId;
        }
    }

    /** Fit attributes for the scorecard, by the field names of fit rules. */
    Map<String, String> fit() {
        Map<String, String> fit = new HashMap<>();
        fit.put("industry", industry);
        fit.put("country", country);
        fit.put("companySize", companySize == null ? null : companySize.toString());
        fit.put("annualRevenue", annualRevenue == null ? null : annualRevenue.toPlainString());
        fit.put("title", title);
        fit.put("source", source);
        fit.put("type", type.name());
        fit.put("company", company);
        fit.put("email", email);
        return fit;
    }

    /** A status as a message argument, so that a page names it in the reader's language. */
    private static org.springframework.context.MessageSourceResolvable worded(LeadStatus status) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"lead.status." + status.name()}, status.name());
    }

    private void moveTo(LeadStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("lead.transition", "A lead that is " + status + " cannot become " + target,
                    worded(status), worded(target));
        }
        status = target;
        updatedAt = Instant.now();
    }

    String fullName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
