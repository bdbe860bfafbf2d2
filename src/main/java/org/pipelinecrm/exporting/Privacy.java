package org.pipelinecrm.exporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.account.ContactErasure;
import org.pipelinecrm.account.ContactSummary;
import org.pipelinecrm.activity.ActivityErasure;
import org.pipelinecrm.activity.ActivityView;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TaskView;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.lead.LeadErasure;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.PageOf;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-protection requests, for admins: find a person's leads and contacts by e-mail or name, export everything held
 * about them, or erase it (anonymise the records and what was logged on them). Every export and erasure is logged
 * with who did it and when; the log names records by id only, so it keeps no personal data.
 */
@Service
@Transactional(readOnly = true)
public class Privacy {

    private final LeadErasure leads;
    private final ContactErasure contacts;
    private final ActivityErasure activities;
    private final PrivacyActionRepository log;
    private final People people;

    Privacy(
            LeadErasure leads,
            ContactErasure contacts,
            ActivityErasure activities,
            PrivacyActionRepository log,
            People people) {
        this.leads = leads;
        this.contacts = contacts;
        this.activities = activities;
        this.log = log;
        this.people = people;
    }

    /** The person's leads and contacts (with their activities) by e-mail, else by a part of their name. */
    public PersonData find(String email, String name) {
        requireAdmin();
        boolean byEmail = email != null && !email.isBlank();
        if (!byEmail && (name == null || name.isBlank())) {
            throw new InvalidInputException("email", "privacy.email-or-name", "Give an e-mail or a name");
        }
        List<LeadView> foundLeads = byEmail
                ? leads.findPerson(email, null, CurrentUser.actor())
                : leads.findPerson(null, name, CurrentUser.actor());
        List<ContactSummary> foundContacts =
                byEmail ? contacts.findPerson(email, null) : contacts.findPerson(null, name);
        return withActivities(foundLeads, foundContacts);
    }

    /** Everything held about these records, logged as an export. */
    @Transactional
    public PersonData export(Collection<Long> leadIds, Collection<Long> contactIds) {
        requireAdmin();
        PersonData data = data(leadIds, contactIds);
        record(PrivacyAction.Kind.EXPORT, leadIds, contactIds, data.activities().size());
        return data;
    }

    /** Anonymises these leads and contacts and what was logged on them; deals and their amounts stay. */
    @Transactional
    public Erased erase(Collection<Long> leadIds, Collection<Long> contactIds) {
        requireAdmin();
        data(leadIds, contactIds);
        int erasedActivities =
                activities.erase(RecordType.LEAD, leadIds) + activities.erase(RecordType.CONTACT, contactIds);
        int erasedLeads = leads.erase(leadIds);
        int erasedContacts = contacts.erase(contactIds);
        record(PrivacyAction.Kind.ERASE, leadIds, contactIds, erasedActivities);
        return new Erased(erasedLeads, erasedContacts, erasedActivities);
    }

    public PageOf<PrivacyLogEntry> log(int page, int size) {
        requireAdmin();
        Map<Long, String> names = people.userNames();
        return PageOf.of(
                log.findAllByOrderByOccurredAtDescIdDesc(
                        PageRequest.of(PageOf.page(page, PageOf.clampSize(size)), PageOf.clampSize(size))),
                a -> a.toEntry(names));
    }

    /** How many records an erasure anonymised; serializable, as the page carries it across its redirect. */
    public record Erased(int leads, int contacts, int activities) implements java.io.Serializable {}

    private PersonData data(Collection<Long> leadIds, Collection<Long> contactIds) {
        if (leadIds.isEmpty() && contactIds.isEmpty()) {
            throw new InvalidInputException("leadIds", "privacy.nothing-chosen", "Choose a lead or a contact");
        }
        return withActivities(leads.leads(leadIds), contacts.contacts(contactIds));
    }

    private PersonData withActivities(List<LeadView> foundLeads, List<ContactSummary> foundContacts) {
        List<Long> leadIds = foundLeads.stream().map(LeadView::id).toList();
        List<Long> contactIds = foundContacts.stream().map(ContactSummary::id).toList();
        List<ActivityView> logged = new ArrayList<>(activities.activitiesOf(RecordType.LEAD, leadIds));
        logged.addAll(activities.activitiesOf(RecordType.CONTACT, contactIds));
        List<TaskView> tasks = new ArrayList<>(activities.tasksOf(RecordType.LEAD, leadIds));
        tasks.addAll(activities.tasksOf(RecordType.CONTACT, contactIds));
        return new PersonData(foundLeads, foundContacts, logged, tasks);
    }

    private void record(PrivacyAction.Kind kind, Collection<Long> leadIds, Collection<Long> contactIds, int count) {
        log.save(new PrivacyAction(kind, CurrentUser.get().id(), leadIds, contactIds, count, Instant.now()));
    }

    private static void requireAdmin() {
        if (!CurrentUser.get().is(Role.ADMIN)) {
            throw new AccessDeniedException("Only admins handle data-protection requests");
        }
    }
}
