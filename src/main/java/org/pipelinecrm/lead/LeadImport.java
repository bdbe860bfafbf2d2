package org.pipelinecrm.lead;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.importing.ChunkedImportTarget;
import org.pipelinecrm.importing.ImportChoice;
import org.pipelinecrm.importing.ImportLedger;
import org.pipelinecrm.importing.ImportOptions;
import org.pipelinecrm.importing.RowProblem;
import org.pipelinecrm.importing.UndoableImportTarget;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.shared.Digits;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Leads as an import target: same validation and duplicate check as the API; same external id updates. Large
 * files go through {@link LeadBulkImport} a chunk at a time; {@link #importRow} is the one-row fallback.
 */
@Component
class LeadImport implements ChunkedImportTarget, UndoableImportTarget {

    private final LeadRepository leads;
    private final ScoreKeeper scores;
    private final Scoring scoring;
    private final Validator validator;
    private final LeadBulkImport bulk;
    private final People people;
    private final ImportLedger ledger;
    private final CustomFields customFields;

    LeadImport(
            LeadRepository leads,
            ScoreKeeper scores,
            Scoring scoring,
            Validator validator,
            LeadBulkImport bulk,
            People people,
            ImportLedger ledger,
            CustomFields customFields) {
        this.customFields = customFields;
        this.ledger = ledger;
        this.people = people;
        this.bulk = bulk;
        this.leads = leads;
        this.scores = scores;
        this.scoring = scoring;
        this.validator = validator;
    }

    @Override
    public String entity() {
        return "leads";
    }

    @Override
    public List<String> fields() {
        return java.util.stream.Stream.concat(base().stream(), customFields.importFields(RecordKind.LEAD).stream())
                .toList();
    }

    /** The custom fields by their label in the reader's language. */
    @Override
    public Map<String, String> labels(java.util.Locale locale) {
        return customFields.importLabels(RecordKind.LEAD, locale);
    }

    private static List<String> base() {
        return List.of(
                "externalId",
                "firstName",
                "lastName",
                "email",
                "phone",
                "company",
                "title",
                "industry",
                "country",
                "companySize",
                "annualRevenue",
                "source",
                "type",
                "ownerId");
    }

    /** Headers other systems and people give these fields, English and Persian. */
    @Override
    public Map<String, List<String>> synonyms() {
        Map<String, List<String>> synonyms =
                new java.util.LinkedHashMap<>(customFields.importSynonyms(RecordKind.LEAD));
        synonyms.putAll(standardSynonyms());
        return synonyms;
    }

    private static Map<String, List<String>> standardSynonyms() {
        return Map.ofEntries(
                Map.entry("externalId", List.of("ID", "Lead ID", "Record ID", "Prospect ID", "شناسه")),
                Map.entry("firstName", List.of("First", "Given Name", "Forename", "نام")),
                Map.entry("lastName", List.of("Last", "Surname", "Family Name", "نام خانوادگی")),
                Map.entry("email", List.of("E-mail", "Email Address", "Mail", "ایمیل", "پست الکترونیک", "رایانامه")),
                Map.entry(
                        "phone", List.of("Telephone", "Tel", "Mobile", "Phone Number", "تلفن", "موبایل", "تلفن همراه")),
                Map.entry(
                        "company",
                        List.of(
                                "Organisation",
                                "Organization",
                                "Company Name",
                                "Account",
                                "Employer",
                                "شرکت",
                                "سازمان")),
                Map.entry("title", List.of("Position", "Job Title", "Role", "Job", "سمت", "عنوان شغلی")),
                Map.entry("industry", List.of("Sector", "Vertical", "صنعت", "حوزه فعالیت")),
                Map.entry("country", List.of("Nation", "کشور")),
                Map.entry(
                        "companySize",
                        List.of(
                                "Employees",
                                "Number of Employees",
                                "Headcount",
                                "Staff",
                                "تعداد کارکنان",
                                "اندازه شرکت")),
                Map.entry("annualRevenue", List.of("Revenue", "Annual Sales", "Turnover", "درآمد سالانه", "درآمد")),
                Map.entry("source", List.of("Lead Source", "Origin", "منبع", "منبع سرنخ")),
                Map.entry("type", List.of("Lead Type", "نوع")));
    }

    /** Imported leads go to the importer unless the mapping page picks another person for the whole file. */
    @Override
    public Map<String, List<ImportChoice>> choices() {
        var me = CurrentUser.get();
        List<ImportChoice> owners = new java.util.ArrayList<>();
        List<UserSummary> everyone = people.users();
        everyone.stream()
                .filter(u -> u.id() == me.id())
                .forEach(u -> owners.add(new ImportChoice(String.valueOf(u.id()), u.name())));
        everyone.stream()
                .filter(u -> u.id() != me.id() && u.active())
                .forEach(u -> owners.add(new ImportChoice(String.valueOf(u.id()), u.name())));
        return Map.of("ownerId", owners);
    }

    @Override
    public List<String> requiredFields() {
        return List.of("lastName");
    }

    @Override
    public ChunkResult importRows(List<Row> rows) {
        return importRows(rows, ImportOptions.none());
    }

    @Override
    public ChunkResult importRows(List<Row> rows, ImportOptions options) {
        Map<Long, UserSummary> owners = new HashMap<>();
        return bulk.write(rows, v -> details(v, owners), options.importId());
    }

    @Override
    public boolean importRow(Map<String, String> v) {
        return importRow(v, ImportOptions.none());
    }

    @Override
    public boolean importRow(Map<String, String> v, ImportOptions options) {
        var user = CurrentUser.get();
        LeadDetails details = details(v, new HashMap<>());
        Lead existing = details.externalId() == null
                ? null
                : leads.findByExternalId(details.externalId()).orElse(null);
        // checked before anything of the row is written; a new lead must have every required field
        String values = values(v, existing == null ? "{}" : existing.customFields(), existing == null);
        if (existing != null) {
            LeadDetails before = existing.details();
            existing.reimport(details);
            existing.fillIn(values);
            scores.rescore(existing, scoring.scorecard(), user.id());
            leads.saveAndFlush(existing);
            ledger.record(
                    options.importId(),
                    List.of(new ImportLedger.Entry(
                            existing.id(), false, LeadBulkImport.JSON.writeValueAsString(before), existing.version())));
            return true;
        }
        Lead lead = Lead.imported(details, user.id(), Instant.now());
        lead.fillIn(values);
        leads.duplicateOf(lead).ifPresent(id -> {
            throw new RowProblem("duplicateLead", id);
        });
        leads.save(lead);
        scores.rescore(lead, scoring.scorecard(), user.id());
        leads.saveAndFlush(lead);
        ledger.record(options.importId(), List.of(new ImportLedger.Entry(lead.id(), true, null, lead.version())));
        return false;
    }

    /**
     * Deletes the leads the import created (their timeline and scores go with them) and puts back the values of
     * those it updated, rescored; a lead whose version moved on since the import was changed by someone and is
     * left alone.
     */
    @Override
    public UndoResult undo(List<ImportLedger.Entry> entries) {
        var user = CurrentUser.get();
        var card = scoring.scorecard();
        Map<Long, Lead> found = new HashMap<>();
        leads.findAllById(entries.stream().map(ImportLedger.Entry::recordId).toList())
                .forEach(l -> found.put(l.id(), l));
        int undone = 0;
        List<Long> leftAlone = new java.util.ArrayList<>();
        for (ImportLedger.Entry entry : entries) {
            Lead lead = found.get(entry.recordId());
            if (lead == null) {
                continue; // gone already: nothing to undo
            }
            if (lead.version() != entry.version()) {
                leftAlone.add(lead.id());
                continue;
            }
            if (entry.created()) {
                leads.delete(lead);
            } else {
                lead.restore(LeadBulkImport.JSON.readValue(entry.before(), LeadDetails.class));
                scores.rescore(lead, card, user.id());
                leads.save(lead);
            }
            undone++;
        }
        leads.flush();
        return new UndoResult(undone, leftAlone);
    }

    /**
     * A row as lead details, validated; {@link RowProblem} naming the field and its value when bad. The owner is
     * the importer or the person picked for the file ({@code owners} caches them for a chunk).
     */
    private LeadDetails details(Map<String, String> v, Map<Long, UserSummary> owners) {
        UserSummary owner = owner(v.get("ownerId"), owners);
        LeadDetails details = new LeadDetails(
                v.get("firstName"),
                v.get("lastName"),
                v.get("email"),
                v.get("phone"),
                v.get("company"),
                v.get("title"),
                v.get("industry"),
                v.get("country"),
                integer(v.get("companySize")),
                money(v.get("annualRevenue")),
                v.get("source"),
                type(v.get("type")),
                owner.id(),
                owner.teamId(),
                v.get("externalId"));
        Set<ConstraintViolation<LeadDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            ConstraintViolation<LeadDetails> first = violations.stream()
                    .sorted(java.util.Comparator.comparing(
                            c -> c.getPropertyPath().toString()))
                    .findFirst()
                    .orElseThrow();
            String field = first.getPropertyPath().toString();
            Object value = first.getInvalidValue();
            if ("email".equals(field)) {
                throw new RowProblem("notEmail", field, value);
            }
            if (first.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Size size) {
                throw new RowProblem("tooLong", field, size.max());
            }
            if (first.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotBlank) {
                throw new RowProblem("fieldNeeded", field);
            }
            throw new RowProblem("invalidField", field, first.getMessage());
        }
        return details;
    }

    /** The row's custom field values laid over {@code stored}, or the row's problem naming the column and value. */
    private String values(Map<String, String> v, String stored, boolean creating) {
        try {
            return customFields.write(RecordKind.LEAD, stored, customFields.fromRow(v), creating);
        } catch (InvalidInputException e) {
            throw RowProblem.customField(e, v);
        }
    }

    private UserSummary owner(String id, Map<Long, UserSummary> owners) {
        long ownerId;
        if (id == null) {
            ownerId = CurrentUser.get().id();
        } else {
            try {
                ownerId = Long.parseLong(id.trim());
            } catch (NumberFormatException e) {
                throw new RowProblem("noOwnerId", id);
            }
        }
        UserSummary owner =
                owners.computeIfAbsent(ownerId, k -> people.findUser(k).orElse(null));
        if (owner == null) {
            throw new RowProblem("noOwnerId", id);
        }
        return owner;
    }

    private static Integer integer(String s) {
        try {
            // Persian digits and grouping (۱٬۲۰۰) read as the number they are
            return s == null ? null : Digits.number(s).intValueExact();
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
            throw new RowProblem("notWholeNumber", "companySize", s);
        }
    }

    private static BigDecimal money(String s) {
        try {
            return s == null ? null : Digits.number(s);
        } catch (NumberFormatException e) {
            throw new RowProblem("notNumber", "annualRevenue", s);
        }
    }

    private static LeadType type(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LeadType.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new RowProblem("unknownLeadType", s);
        }
    }
}
