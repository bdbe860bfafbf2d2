package org.pipelinecrm.lead;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.importing.ChunkedImportTarget;
import org.pipelinecrm.importing.RowProblem;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.shared.Digits;
import org.springframework.stereotype.Component;

/**
 * Leads as an import target: same validation and duplicate check as the API; same external id updates. Large
 * files go through {@link LeadBulkImport} a chunk at a time; {@link #importRow} is the one-row fallback.
 */
@Component
class LeadImport implements ChunkedImportTarget {

    private final LeadRepository leads;
    private final ScoreKeeper scores;
    private final Scoring scoring;
    private final Validator validator;
    private final LeadBulkImport bulk;

    LeadImport(LeadRepository leads, ScoreKeeper scores, Scoring scoring, Validator validator, LeadBulkImport bulk) {
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
                "type");
    }

    @Override
    public List<String> requiredFields() {
        return List.of("lastName");
    }

    @Override
    public ChunkResult importRows(List<Row> rows) {
        return bulk.write(rows, this::details);
    }

    @Override
    public boolean importRow(Map<String, String> v) {
        var user = CurrentUser.get();
        LeadDetails details = details(v);
        Lead existing = details.externalId() == null
                ? null
                : leads.findByExternalId(details.externalId()).orElse(null);
        if (existing != null) {
            existing.reimport(details);
            scores.rescore(existing, scoring.scorecard(), user.id());
            leads.save(existing);
            return true;
        }
        Lead lead = Lead.imported(details, user.id(), Instant.now());
        leads.duplicateOf(lead).ifPresent(id -> {
            throw new RowProblem("duplicateLead", id);
        });
        leads.save(lead);
        scores.rescore(lead, scoring.scorecard(), user.id());
        leads.save(lead);
        return false;
    }

    /** A row as lead details, validated; {@link IllegalArgumentException} with a readable reason when bad. */
    private LeadDetails details(Map<String, String> v) {
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
                null,
                CurrentUser.get().teamId(),
                v.get("externalId"));
        Set<ConstraintViolation<LeadDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            ConstraintViolation<LeadDetails> first = violations.iterator().next();
            throw new RowProblem("invalidField", first.getPropertyPath(), first.getMessage());
        }
        return details;
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
