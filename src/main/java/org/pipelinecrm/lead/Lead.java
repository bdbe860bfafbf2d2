package org.pipelinecrm.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.scoring.Scorecard.Score;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.Digits;
import org.pipelinecrm.shared.TenantOwned;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * A person or company whose fit is not yet known. Its state is private: it changes only through the guarded
 * methods here, which refuse what the lifecycle does not allow ({@link LeadStatus}) and register a
 * {@link LeadChange} for each thing that happened, published when the lead is saved.
 */
@Entity
class Lead extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String company;
    private String title;
    private String industry;
    private String country;
    private Integer companySize;
    private BigDecimal annualRevenue;
    private String source;

    @Enumerated(EnumType.STRING)
    private LeadType type = LeadType.UNQUALIFIED;

    @Enumerated(EnumType.STRING)
    private LeadStatus status = LeadStatus.NEW;

    private Long ownerId;
    private Long teamId;
    private String externalId;
    private String emailKey;
    private String nameKey;
    private int score;
    private String scoreBreakdown = "[]";
    private boolean salesReady;
    private Instant handedOffAt;
    private Long handedOffBy;
    private String handoffNote;
    private Long returnedTeamId;
    private String reason;
    private String reasonNote;
    private Long createdBy;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();
    // Funnel milestones and the records a conversion made (set once, read by dashboards).
    private Instant qualifiedAt;
    private Instant convertedAt;
    private Long convertedAccountId;
    private Long convertedContactId;
    private Long convertedOpportunityId;
    // The values of the workspace's custom fields, {key: value}; the customfield module checks what goes in.
    @org.hibernate.annotations.ColumnTransformer(write = "cast(? as jsonb)")
    @jakarta.persistence.Column(columnDefinition = "jsonb")
    private String customFields = "{}";

    // Who changed it last (a person's edit or move), for a stale edit's answer.
    private Long changedBy;
    private Instant changedAt;

    @Version
    private long version;
    /** Changes not yet published; their lead id (and workspace) are known only once the lead is saved. */
    @Transient
    private final List<Pending> changes = new ArrayList<>();

    private interface Pending {
        LeadChange of(long tenantId, long leadId);
    }

    protected Lead() {}

    private Lead(LeadDetails details, Long createdBy, Instant at, boolean imported) {
        this.createdBy = createdBy;
        this.createdAt = at;
        fill(details, at);
        LeadType as = type;
        String from = source;
        register((t, id) -> new LeadChange.Created(t, id, createdBy, at, as, from, imported));
    }

    /** A lead a person entered (API, page) or a visitor left (web form, {@code by} null). */
    static Lead create(LeadDetails details, Long by, Instant at) {
        return new Lead(details, by, at, false);
    }

    /** A lead from a row of an import file. */
    static Lead imported(LeadDetails details, Long by, Instant at) {
        return new Lead(details, by, at, true);
    }

    /** A person edits the lead: every field of {@code patch} that is set replaces the lead's. */
    void edit(LeadDetails patch, Long by) {
        Instant now = Instant.now();
        fill(details().with(patch), now);
        register((t, id) -> new LeadChange.Edited(t, id, by, now));
    }

    /**
     * One field typed on the lead's page: {@code whole} is every field as it now reads, so an empty one clears
     * (where {@link #edit} keeps what a patch leaves out).
     */
    void rewrite(LeadDetails whole, Long by) {
        Instant now = Instant.now();
        fill(whole, now);
        register((t, id) -> new LeadChange.Edited(t, id, by, now));
    }

    /** A later row of an import with the lead's external id: its fields are laid over the lead's, quietly. */
    void reimport(LeadDetails row) {
        Long keptOwner = ownerId;
        Long keptTeam = teamId;
        fill(details().with(row), Instant.now());
        if (keptOwner != null) { // the file does not take a lead away from whoever works it now
            ownerId = keptOwner;
            teamId = keptTeam;
        }
    }

    /** The undo of an import puts back the values the lead had before it. */
    void restore(LeadDetails before) {
        fill(before, Instant.now());
    }

    private void fill(LeadDetails d, Instant now) {
        firstName = trim(d.firstName());
        lastName = trim(d.lastName());
        email = trim(d.email());
        phone = Digits.phone(d.phone());
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
        updatedAt = now;
    }

    LeadDetails details() {
        return new LeadDetails(
                firstName,
                lastName,
                email,
                phone,
                company,
                title,
                industry,
                country,
                companySize,
                annualRevenue,
                source,
                type,
                ownerId,
                teamId,
                externalId);
    }

    void startWorking(Long by) {
        changeStatus(LeadStatus.WORKING, by);
    }

    void nurture(Long by) {
        changeStatus(LeadStatus.NURTURING, by);
    }

    /** Marketing hands a marketing-qualified lead to a sales team or rep. */
    void handOff(Long salesTeamId, Long salesOwnerId, String note, long by) {
        if (!type.goesToSales()) {
            throw new ConflictException("lead.handoff.notMql", "Only an MQL can be handed off to sales");
        }
        Instant now = moveTo(LeadStatus.HANDED_OFF);
        returnedTeamId = teamId;
        if (salesTeamId != null) {
            teamId = salesTeamId;
        }
        ownerId = salesOwnerId;
        handedOffAt = now;
        handedOffBy = by;
        handoffNote = note;
        reason = null;
        reasonNote = null;
        Long team = teamId;
        register((t, id) -> new LeadChange.HandedOff(t, id, by, now, team, salesOwnerId, note));
    }

    /** Sales takes the lead to qualify it. */
    void accept(long by) {
        Instant now = moveTo(LeadStatus.ACCEPTED);
        if (ownerId == null) {
            ownerId = by;
        }
        register((t, id) -> new LeadChange.Accepted(t, id, by, now));
    }

    /** Sales passes with a reason; the lead goes back to the marketer and team who handed it off. */
    void reject(String why, String note, Long by) {
        Instant now = moveTo(LeadStatus.REJECTED);
        reason = why;
        reasonNote = note;
        if (returnedTeamId != null) {
            teamId = returnedTeamId;
        }
        ownerId = handedOffBy;
        register((t, id) -> new LeadChange.Rejected(t, id, by, now, why, note));
    }

    void disqualify(String why, String note, Long by) {
        Instant now = moveTo(LeadStatus.DISQUALIFIED);
        reason = why;
        reasonNote = note;
        register((t, id) -> new LeadChange.Disqualified(t, id, by, now, why, note));
    }

    /**
     * The scorecard became qualified (or stopped being so): the lead follows where its lifecycle allows, and
     * says whether its status changed. A lead still with marketing or in nurture keeps its status.
     */
    boolean qualificationChanged(boolean qualified, Long by) {
        LeadStatus from = status;
        boolean moved = qualified ? qualify() : status == LeadStatus.QUALIFIED && moveTo(LeadStatus.WORKING) != null;
        if (moved) {
            LeadStatus to = status;
            Instant now = updatedAt;
            register((t, id) -> new LeadChange.StatusChanged(t, id, by, now, from, to));
        }
        return moved;
    }

    /** Moves to QUALIFIED where the lifecycle allows (stamping qualifiedAt once); false if it did not move. */
    private boolean qualify() {
        if (status == LeadStatus.QUALIFIED || !status.canMoveTo(LeadStatus.QUALIFIED)) {
            return false;
        }
        Instant now = moveTo(LeadStatus.QUALIFIED);
        if (qualifiedAt == null) {
            qualifiedAt = now;
        }
        return true;
    }

    /** The lead became an account, a contact and an opportunity; nothing more happens to it. */
    void convert(long accountId, long contactId, long opportunityId, Long by) {
        if (!qualify() && status != LeadStatus.QUALIFIED) {
            throw new ConflictException(
                    "lead.transition",
                    "A lead that is " + status + " cannot become CONVERTED",
                    worded(status),
                    worded(LeadStatus.CONVERTED));
        }
        Instant now = moveTo(LeadStatus.CONVERTED);
        convertedAt = now;
        convertedAccountId = accountId;
        convertedContactId = contactId;
        convertedOpportunityId = opportunityId;
        register((t, id) -> new LeadChange.Converted(t, id, by, now, accountId, contactId, opportunityId));
    }

    /** A disqualified lead comes back to be worked again; its history stays. */
    void reopen(Long by) {
        if (status != LeadStatus.DISQUALIFIED) {
            throw new ConflictException(
                    "lead.transition",
                    "A lead that is " + status + " cannot be re-opened",
                    worded(status),
                    worded(LeadStatus.WORKING));
        }
        Instant now = moveTo(LeadStatus.WORKING);
        reason = null;
        reasonNote = null;
        register((t, id) -> new LeadChange.Reopened(t, id, by, now));
    }

    /**
     * Takes a new score: crossing the MQL threshold promotes an unqualified lead to MQL, crossing the
     * sales-ready one marks it sales-ready. Returns true when it was promoted.
     */
    boolean rescored(Score score, String breakdownJson, int mqlThreshold, int sqlThreshold, Long by) {
        boolean wasReady = salesReady;
        int total = score.total();
        this.score = total;
        scoreBreakdown = breakdownJson;
        salesReady = score.salesReady();
        Instant now = Instant.now();
        boolean promoted = score.mql() && type == LeadType.UNQUALIFIED;
        if (promoted) {
            type = LeadType.MQL;
            register((t, id) -> new LeadChange.Promoted(t, id, by, now, total, mqlThreshold));
        }
        if (salesReady && !wasReady) {
            register((t, id) -> new LeadChange.BecameSalesReady(t, id, by, now, total, sqlThreshold));
        }
        return promoted;
    }

    /** A behaviour event happened (scoring counts it from lead_event); {@code detail} is what came with it. */
    void behaved(String eventType, String detail, Long by, Instant at) {
        register((t, id) -> new LeadChange.Behaved(t, id, by, at, eventType, detail));
    }

    /** Another module's note on the lead, in its own kind. */
    void note(String kind, String detail, Long by) {
        Instant now = Instant.now();
        register((t, id) -> new LeadChange.Noted(t, id, by, now, kind, detail));
    }

    /**
     * Takes in a duplicate that is about to go: fields this lead lacks are filled from it, and a type further
     * along the funnel wins. Status, owner and handoff stay this lead's.
     */
    void absorb(Lead other, Long by) {
        LeadDetails mine = details();
        LeadType ownType = type;
        fill(
                other.details()
                        .with(new LeadDetails(
                                mine.firstName(),
                                mine.lastName(),
                                mine.email(),
                                mine.phone(),
                                mine.company(),
                                mine.title(),
                                mine.industry(),
                                mine.country(),
                                mine.companySize(),
                                mine.annualRevenue(),
                                mine.source(),
                                null,
                                ownerId,
                                teamId,
                                mine.externalId())),
                Instant.now());
        type = ownType == LeadType.UNQUALIFIED ? other.type : ownType;
        if (ownerId == null) {
            ownerId = other.ownerId;
        }
        if (teamId == null) {
            teamId = other.teamId;
        }
        long goneId = other.id;
        String gone = "#" + other.id + " " + other.fullName() + (other.email == null ? "" : " <" + other.email + ">");
        Instant now = updatedAt;
        register((t, id) -> new LeadChange.Merged(t, id, by, now, goneId, gone));
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

    /** The id the bulk import took from the lead sequence for a lead it inserts itself. */
    void identify(long takenId) {
        if (id != null) {
            throw new IllegalStateException("The lead has its id already");
        }
        id = takenId;
    }

    /** The changes registered and not yet published, as they will be published in this workspace. */
    List<LeadChange> changes(long tenantId) {
        return changes.stream().map(c -> c.of(tenantId, id)).toList();
    }

    @DomainEvents
    List<LeadChange> domainEvents() {
        return changes.isEmpty() ? List.of() : changes(TenantContext.require());
    }

    @AfterDomainEventPublication
    void published() {
        changes.clear();
    }

    LeadView toView(List<LeadView.Entry> entries) {
        return new LeadView(
                id,
                firstName,
                lastName,
                email,
                phone,
                company,
                title,
                industry,
                country,
                companySize,
                annualRevenue,
                source,
                type,
                status,
                ownerId,
                teamId,
                externalId,
                score,
                ScoreKeeper.breakdown(scoreBreakdown),
                salesReady,
                handedOffAt,
                handedOffBy,
                handoffNote,
                reason,
                reasonNote,
                createdAt,
                version,
                entries,
                qualifiedAt,
                convertedAt,
                convertedAccountId,
                convertedContactId,
                convertedOpportunityId,
                Map.of());
    }

    String customFields() {
        return customFields;
    }

    /** New custom field values, as {@code CustomFields.write} checked and merged them. */
    void fillIn(String customFields) {
        this.customFields = customFields;
    }

    Long id() {
        return id;
    }

    LeadStatus status() {
        return status;
    }

    LeadType type() {
        return type;
    }

    long version() {
        return version;
    }

    String externalId() {
        return externalId;
    }

    String emailKey() {
        return emailKey;
    }

    String nameKey() {
        return nameKey;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void changedBy(long by, Instant at) {
        changedBy = by;
        changedAt = at;
    }

    java.util.Optional<LastChange> lastChange() {
        return changedBy == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(new LastChange(changedBy, changedAt));
    }

    Long createdBy() {
        return createdBy;
    }

    int score() {
        return score;
    }

    String scoreBreakdown() {
        return scoreBreakdown;
    }

    boolean salesReady() {
        return salesReady;
    }

    String fullName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    /** The name the activity timeline shows for the lead: the person, and their company when known. */
    String title() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return company == null || company.isBlank() ? name : name + " · " + company;
    }

    private void register(Pending change) {
        changes.add(change);
    }

    private void changeStatus(LeadStatus target, Long by) {
        LeadStatus from = status;
        Instant now = moveTo(target);
        register((t, id) -> new LeadChange.StatusChanged(t, id, by, now, from, target));
    }

    /** The one check of the lifecycle: every move goes through here. Returns when it moved. */
    private Instant moveTo(LeadStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException(
                    "lead.transition",
                    "A lead that is " + status + " cannot become " + target,
                    worded(status),
                    worded(target));
        }
        status = target;
        updatedAt = Instant.now();
        return updatedAt;
    }

    /** A status as a message argument, so that a page names it in the reader's language. */
    private static MessageSourceResolvable worded(LeadStatus status) {
        return new DefaultMessageSourceResolvable(new String[] {"lead.status." + status.name()}, status.name());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
