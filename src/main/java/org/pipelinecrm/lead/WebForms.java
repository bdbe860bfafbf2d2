package org.pipelinecrm.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.shared.CrmSettings;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.RateLimiter;
import org.pipelinecrm.shared.TooManyRequestsException;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public web-to-lead form: a visitor's submission becomes a CQL lead in the workspace that owns the form
 * key, with a FORM_SUBMITTED behaviour event for scoring. A visitor already known by e-mail gets the event on
 * the existing lead instead of a duplicate. New leads land with the team and owner the workspace chose
 * ({@link WebFormRoutes}).
 */
@Service
public class WebForms {

    public static final String EVENT = "FORM_SUBMITTED";
    public static final String SOURCE = "Web form";

    private final Workspaces workspaces;
    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final ScoreKeeper scores;
    private final Scoring scoring;
    private final WebFormRoutes routes;
    private final RateLimiter limiter;
    private final TransactionTemplate tx;
    private final int perAddress;
    private final int perForm;

    WebForms(
            Workspaces workspaces,
            LeadRepository leads,
            LeadEventRepository events,
            ScoreKeeper scores,
            Scoring scoring,
            WebFormRoutes routes,
            RateLimiter limiter,
            TransactionTemplate tx,
            CrmSettings settings) {
        int perAddress = settings.forms().perAddressPerHour();
        int perForm = settings.forms().perFormPerHour();
        this.workspaces = workspaces;
        this.leads = leads;
        this.events = events;
        this.scores = scores;
        this.scoring = scoring;
        this.routes = routes;
        this.limiter = limiter;
        this.tx = tx;
        this.perAddress = perAddress;
        this.perForm = perForm;
    }

    /** The workspace of a form key; {@link NotFoundException} for a key nobody has. */
    public long workspaceOf(String formKey) {
        return workspaces.byFormKey(formKey).orElseThrow(() -> new NotFoundException("Form", formKey));
    }

    /**
     * Records a submission; returns the lead's id, or empty when the honeypot was filled (answered like a
     * success, so robots learn nothing). Too many submissions from one address or to one form: 429.
     */
    public Optional<Long> submit(String formKey, WebFormSubmission form, String address) {
        long workspace = workspaceOf(formKey);
        if (!limiter.tryAcquire("form-address:" + address, perAddress, Duration.ofHours(1))
                || !limiter.tryAcquire("form:" + formKey, perForm, Duration.ofHours(1))) {
            throw new TooManyRequestsException("Too many submissions; please try again later");
        }
        if (form.looksAutomated()) {
            return Optional.empty();
        }
        return Optional.of(TenantContext.callAs(workspace, () -> tx.execute(status -> record(form))));
    }

    private long record(WebFormSubmission form) {
        Instant now = Instant.now();
        WebFormRoute route = routes.forNewLead();
        Lead lead = Lead.create(
                new LeadDetails(
                        form.firstName(),
                        form.lastName(),
                        form.email(),
                        form.phone(),
                        form.company(),
                        form.title(),
                        null,
                        null,
                        null,
                        null,
                        SOURCE,
                        LeadType.CQL,
                        route.ownerId(),
                        route.teamId(),
                        null),
                null,
                now);
        Optional<Lead> known = leads.duplicateOf(lead).flatMap(leads::findById);
        if (known.isPresent()) {
            lead = known.get();
        } else {
            leads.save(lead);
        }
        events.save(new LeadEvent(lead.id(), EVENT, now));
        lead.behaved(EVENT, message(form), null, now);
        leads.save(lead);
        events.flush();
        scores.rescore(lead, scoring.scorecard(), null);
        leads.save(lead);
        return lead.id();
    }

    private static String message(WebFormSubmission form) {
        return form.message() == null || form.message().isBlank()
                ? ""
                : ": " + form.message().strip();
    }
}
