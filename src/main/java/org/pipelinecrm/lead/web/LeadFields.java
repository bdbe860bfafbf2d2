package org.pipelinecrm.lead.web;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Optional;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.lead.LeadDetails;
import org.pipelinecrm.lead.LeadType;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.web.FieldEdits;
import org.pipelinecrm.shared.web.Formats;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One field of a lead typed on its page (inline editing): the whole lead is checked as the lead form checks it,
 * saved with the version the page showed, and answered in {@link FieldEdits}' shape.
 */
@RestController
class LeadFields {

    private final Leads leads;
    private final People people;
    private final FieldEdits edits;
    private final Formats formats;
    private final Workspaces workspaces;
    private final MessageSource messages;

    LeadFields(
            Leads leads,
            People people,
            FieldEdits edits,
            Formats formats,
            Workspaces workspaces,
            MessageSource messages) {
        this.leads = leads;
        this.people = people;
        this.edits = edits;
        this.formats = formats;
        this.workspaces = workspaces;
        this.messages = messages;
    }

    @PostMapping("/leads/{id}/field")
    ResponseEntity<?> change(
            @PathVariable long id, @RequestParam String field, @RequestParam String value, @RequestParam long version)
            throws BindException {
        LeadDetails details = with(details(leads.find(id, CurrentUser.actor())), field, value);
        edits.validate(details, "lead");
        return edits.answer(
                () -> {
                    LeadView saved = leads.changeField(id, details, version, CurrentUser.actor());
                    return new FieldEdits.Saved(field, raw(saved, field), display(saved, field), saved.version());
                },
                () -> leads.lastChange(id)
                        .flatMap(c -> people.findUser(c.by()).map(u -> new FieldEdits.Changer(u.name(), c.at())))
                        .or(Optional::empty),
                workspaces.current().timeZone());
    }

    private static LeadDetails details(LeadView v) {
        return new LeadDetails(
                v.firstName(),
                v.lastName(),
                v.email(),
                v.phone(),
                v.company(),
                v.title(),
                v.industry(),
                v.country(),
                v.companySize(),
                v.annualRevenue(),
                v.source(),
                v.type(),
                v.ownerId(),
                v.teamId(),
                v.externalId());
    }

    /** The lead with one field typed; an empty text clears it (stored as none), a required one is refused. */
    private LeadDetails with(LeadDetails d, String field, String value) {
        String text = value.strip();
        Object typed = switch (field) {
            case "firstName", "lastName", "email", "phone", "company", "title", "industry", "country", "source" -> text;
            case "companySize" -> FieldEdits.integer(field, text);
            case "annualRevenue" -> FieldEdits.decimal(field, text);
            case "type" -> type(text);
            case "ownerId", "teamId" -> id(field, text);
            default -> throw new InvalidInputException("field", "problem.field.invalid-value", "No such field");
        };
        return replaced(d, field, typed);
    }

    /**
     * A person or team chosen from the page's lists: an owner is an active person of the workspace, a team one of
     * its teams (the lead form's rule, checked again when saved); empty leaves the lead with nobody or no team.
     */
    private Long id(String field, String text) {
        Integer number = FieldEdits.integer(field, text);
        if (number == null) {
            return null;
        }
        long id = number.longValue();
        if (field.equals("ownerId")
                && people.findUser(id).filter(u -> u.active() && !u.former()).isEmpty()) {
            throw new InvalidInputException("ownerId", "lead.owner.unknown", "No such active person");
        }
        if (field.equals("teamId") && !people.teamsById().containsKey(id)) {
            throw new InvalidInputException("teamId", "lead.team.unknown", "No such team");
        }
        return id;
    }

    /** The same details with one of their components replaced, built by the record's canonical constructor. */
    private static LeadDetails replaced(LeadDetails d, String field, Object value) {
        RecordComponent[] parts = LeadDetails.class.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] args = new Object[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                args[i] = parts[i].getName().equals(field)
                        ? value
                        : parts[i].getAccessor().invoke(d);
            }
            return LeadDetails.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LeadDetails is a record with a canonical constructor", e);
        }
    }

    private static LeadType type(String value) {
        try {
            return LeadType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "type",
                    "problem.field.one-of",
                    "One of the lead types",
                    java.util.Arrays.toString(LeadType.values()));
        }
    }

    private static String raw(LeadView v, String field) {
        Object value = switch (field) {
            case "firstName" -> v.firstName();
            case "lastName" -> v.lastName();
            case "email" -> v.email();
            case "phone" -> v.phone();
            case "company" -> v.company();
            case "title" -> v.title();
            case "industry" -> v.industry();
            case "country" -> v.country();
            case "companySize" -> v.companySize();
            case "annualRevenue" ->
                v.annualRevenue() == null ? null : v.annualRevenue().toPlainString();
            case "source" -> v.source();
            case "type" -> v.type();
            case "ownerId" -> v.ownerId();
            case "teamId" -> v.teamId();
            default -> null;
        };
        return value == null ? "" : value.toString();
    }

    private String display(LeadView v, String field) {
        return switch (field) {
            case "companySize" -> v.companySize() == null ? "" : formats.number(v.companySize());
            case "annualRevenue" ->
                v.annualRevenue() == null
                        ? ""
                        : formats.money(
                                v.annualRevenue(),
                                workspaces.current().currency().name());
            case "ownerId" ->
                v.ownerId() == null
                        ? ""
                        : people.findUser(v.ownerId()).map(u -> u.name()).orElse("");
            case "teamId" ->
                v.teamId() == null || !people.teamsById().containsKey(v.teamId())
                        ? ""
                        : people.teamsById().get(v.teamId()).name();
            case "type" ->
                messages.getMessage("lead.type." + v.type(), null, v.type().name(), LocaleContextHolder.getLocale());
            default -> raw(v, field);
        };
    }
}
