package org.pipelinecrm.lead.web;

import java.util.Locale;
import java.util.Optional;
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
        LeadDetails details = with(details(leads.find(id)), field, value);
        edits.validate(details, "lead");
        return edits.answer(
                () -> {
                    LeadView saved = leads.changeField(id, details, version);
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
    private static LeadDetails with(LeadDetails d, String field, String value) {
        String text = value.strip();
        return switch (field) {
            case "firstName" ->
                new LeadDetails(
                        text,
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        d.company(),
                        d.title(),
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "lastName" ->
                new LeadDetails(
                        d.firstName(),
                        text,
                        d.email(),
                        d.phone(),
                        d.company(),
                        d.title(),
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "email" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        text,
                        d.phone(),
                        d.company(),
                        d.title(),
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "phone" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        text,
                        d.company(),
                        d.title(),
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "company" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        text,
                        d.title(),
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "title" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        d.company(),
                        text,
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "industry" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        d.company(),
                        d.title(),
                        text,
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "country" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        d.company(),
                        d.title(),
                        d.industry(),
                        text,
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "companySize" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        d.company(),
                        d.title(),
                        d.industry(),
                        d.country(),
                        FieldEdits.integer(field, text),
                        d.annualRevenue(),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "annualRevenue" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        d.company(),
                        d.title(),
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        FieldEdits.decimal(field, text),
                        d.source(),
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "source" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        d.company(),
                        d.title(),
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        text,
                        d.type(),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            case "type" ->
                new LeadDetails(
                        d.firstName(),
                        d.lastName(),
                        d.email(),
                        d.phone(),
                        d.company(),
                        d.title(),
                        d.industry(),
                        d.country(),
                        d.companySize(),
                        d.annualRevenue(),
                        d.source(),
                        type(text),
                        d.ownerId(),
                        d.teamId(),
                        d.externalId());
            default -> throw new InvalidInputException("field", "problem.field.invalid-value", "No such field");
        };
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
            case "type" ->
                messages.getMessage("lead.type." + v.type(), null, v.type().name(), LocaleContextHolder.getLocale());
            default -> raw(v, field);
        };
    }
}
