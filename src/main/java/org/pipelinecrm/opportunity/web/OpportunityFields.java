package org.pipelinecrm.opportunity.web;

import java.math.BigDecimal;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.opportunity.OpportunityView;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.web.FieldEdits;
import org.pipelinecrm.shared.web.Formats;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One field of a deal typed on its page (inline editing), saved as the deal form's edit with the page's version.
 * The next step is the deal's earliest open task: typing it renames that task or adds one.
 */
@RestController
class OpportunityFields {

    private final Opportunities opportunities;
    private final People people;
    private final FieldEdits edits;
    private final Formats formats;
    private final Workspaces workspaces;
    private final org.springframework.context.MessageSource messages;

    OpportunityFields(
            Opportunities opportunities,
            People people,
            FieldEdits edits,
            Formats formats,
            Workspaces workspaces,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.opportunities = opportunities;
        this.people = people;
        this.edits = edits;
        this.formats = formats;
        this.workspaces = workspaces;
    }

    @PostMapping("/opportunities/{id}/field")
    ResponseEntity<?> change(
            @PathVariable long id, @RequestParam String field, @RequestParam String value, @RequestParam long version)
            throws BindException {
        opportunities.opportunity(id); // a deal the reader cannot see answers before any value is checked
        String text = value.strip();
        if (field.equals("ownerId") || field.equals("teamId")) {
            Long owner = field.equals("ownerId") ? owner(text) : null;
            Long team = field.equals("teamId") ? team(text) : null;
            return answer(id, field, () -> opportunities.assign(id, owner, team, version));
        }
        if (field.equals("expectedCloseDate") && text.isEmpty()) {
            return answer(id, field, () -> opportunities.clearExpectedCloseDate(id, version));
        }
        if (field.equals("contactId")) {
            Long contact = id(field, text);
            if (contact == null) {
                throw new InvalidInputException(field, "problem.field.required", "Required");
            }
            return answer(id, field, () -> opportunities.makeMainContact(id, contact, version));
        }
        if (field.equals("amount") && text.isEmpty()) {
            // an amount typed empty: the deal has none (shown "—", counted as 0 in totals)
            return answer(
                    id,
                    field,
                    () -> opportunities.change(
                            id,
                            new Opportunities.ChangeCmd(
                                    null, null, null, null, null, null, null, null, null, null, version, null),
                            true));
        }
        String account = field.equals("accountName") ? required(field, text) : null;
        Opportunities.ChangeCmd cmd = new Opportunities.ChangeCmd(
                field.equals("name") ? required(field, text) : null,
                null,
                null,
                field.equals("amount") ? amount(text) : null,
                field.equals("expectedCloseDate") ? FieldEdits.date(field, text) : null,
                field.equals("probability") ? probability(text) : null,
                field.equals("source") ? text : null,
                field.equals("industry") ? text : null,
                field.equals("nextStep") ? text : null,
                null,
                version,
                null,
                field.equals("forecastCategory") ? text : null);
        if (!java.util.Set.of(
                        "forecastCategory",
                        "name",
                        "accountName",
                        "amount",
                        "expectedCloseDate",
                        "probability",
                        "source",
                        "industry",
                        "nextStep")
                .contains(field)) {
            throw new InvalidInputException("field", "problem.field.invalid-value", "No such field");
        }
        if (field.equals("nextStep") && text.isEmpty()) {
            // a next step ends by completing its task, not by erasing its words
            throw new InvalidInputException("nextStep", "opportunity.nextStep.blank", "Complete the task instead");
        }
        edits.validate(cmd, "opportunity");
        return answer(id, field, () -> opportunities.changeAtAccountNamed(id, cmd, account));
    }

    private ResponseEntity<?> answer(long id, String field, java.util.function.Supplier<OpportunityView> save) {
        return edits.answer(
                () -> {
                    OpportunityView saved = save.get();
                    return new FieldEdits.Saved(field, raw(saved, field), display(saved, field), saved.version());
                },
                () -> opportunities
                        .lastChange(id)
                        .flatMap(c ->
                                people.findUser(c.getKey()).map(u -> new FieldEdits.Changer(u.name(), c.getValue()))),
                workspaces.current().timeZone());
    }

    /** An active person of the workspace (the list the page offers); anyone else is refused by name. */
    private Long owner(String text) {
        Long id = id("ownerId", text);
        if (id == null
                || people.findUser(id).filter(u -> u.active() && !u.former()).isEmpty()) {
            throw new InvalidInputException("ownerId", "opportunity.owner.unknown", "No such active person");
        }
        return id;
    }

    private Long team(String text) {
        Long id = id("teamId", text);
        if (id == null || !people.teamsById().containsKey(id)) {
            throw new InvalidInputException("teamId", "opportunity.team.unknown", "No such team");
        }
        return id;
    }

    private static Long id(String field, String text) {
        Integer number = FieldEdits.integer(field, text);
        return number == null ? null : number.longValue();
    }

    private static String required(String field, String text) {
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "problem.field.required", "Required");
        }
        return text;
    }

    private static BigDecimal amount(String text) {
        return FieldEdits.decimal("amount", text);
    }

    private static Integer probability(String text) {
        Integer p = FieldEdits.integer("probability", text);
        if (p == null) {
            throw new InvalidInputException("probability", "problem.field.required", "Required");
        }
        return p;
    }

    private static String raw(OpportunityView v, String field) {
        Object value = switch (field) {
            case "name" -> v.name();
            case "accountName" -> v.accountName();
            case "amount" ->
                v.amount() == null ? null : v.amount().stripTrailingZeros().toPlainString();
            case "expectedCloseDate" -> v.expectedCloseDate();
            case "probability" -> v.probability();
            case "source" -> v.source();
            case "industry" -> v.industry();
            case "nextStep" -> v.nextStep();
            case "forecastCategory" -> v.forecastCategoryOverridden() ? v.forecastCategory() : "DEFAULT";
            case "ownerId" -> v.ownerId();
            case "teamId" -> v.teamId();
            case "contactId" -> v.contactId();
            default -> null;
        };
        return value == null ? "" : value.toString();
    }

    private String display(OpportunityView v, String field) {
        return switch (field) {
            case "amount" ->
                formats.money(v.amount(), workspaces.current().currency().name());
            case "expectedCloseDate" -> v.expectedCloseDate() == null ? "" : formats.date(v.expectedCloseDate());
            case "probability" -> formats.number(v.probability()) + "%";
            case "forecastCategory" -> forecastCategory(v);
            case "ownerId" -> v.ownerName();
            case "teamId" ->
                v.teamId() == null || !people.teamsById().containsKey(v.teamId())
                        ? ""
                        : people.teamsById().get(v.teamId()).name();
            default -> raw(v, field);
        };
    }

    /** The deal's category as its page shows it: the owner's choice, or the stage's default said so. */
    private String forecastCategory(OpportunityView v) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String category = messages.getMessage("forecastCategory." + v.forecastCategory(), null, locale);
        return v.forecastCategoryOverridden()
                ? category
                : messages.getMessage("opportunity.forecastCategory.fromStage", new Object[] {category}, locale);
    }
}
