package org.pipelinecrm.exporting;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pipelinecrm.account.AccountSummary;
import org.pipelinecrm.account.ContactSummary;
import org.pipelinecrm.activity.ActivityView;
import org.pipelinecrm.activity.TaskView;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.opportunity.OpportunityView;

/**
 * Each kind's own fields, in file order; {@link ExportColumnProvider}s add theirs after these. Amounts come with the
 * workspace's currency in a column of its own, people and stages by id and by name.
 */
final class Columns {

    /** What the columns name things with: the workspace's currency, people's and stages' names. */
    record Names(String currency, Map<Long, String> people, Map<Long, String> pipelines, Map<Long, String> stages) {}

    private Columns() {}

    static List<ExportColumn<LeadView>> leads(Names names) {
        return List.of(
                col("id", LeadView::id),
                col("firstName", LeadView::firstName),
                col("lastName", LeadView::lastName),
                col("email", LeadView::email),
                col("phone", LeadView::phone),
                col("company", LeadView::company),
                col("title", LeadView::title),
                col("industry", LeadView::industry),
                col("country", LeadView::country),
                col("companySize", LeadView::companySize),
                col("annualRevenue", LeadView::annualRevenue),
                col("currency", l -> names.currency()),
                col("source", LeadView::source),
                col("type", LeadView::type),
                col("status", LeadView::status),
                col("score", LeadView::score),
                col("salesReady", LeadView::salesReady),
                col("ownerId", LeadView::ownerId),
                col("owner", l -> name(names.people(), l.ownerId())),
                col("teamId", LeadView::teamId),
                col("externalId", LeadView::externalId),
                col("handedOffAt", LeadView::handedOffAt),
                col("reason", LeadView::reason),
                col("reasonNote", LeadView::reasonNote),
                col("createdAt", LeadView::createdAt),
                col("qualifiedAt", LeadView::qualifiedAt),
                col("convertedAt", LeadView::convertedAt),
                col("convertedAccountId", LeadView::convertedAccountId),
                col("convertedContactId", LeadView::convertedContactId),
                col("convertedOpportunityId", LeadView::convertedOpportunityId));
    }

    static List<ExportColumn<OpportunityView>> opportunities(Names names) {
        return List.of(
                col("id", OpportunityView::id),
                col("name", OpportunityView::name),
                col("pipelineId", OpportunityView::pipelineId),
                col("pipeline", o -> name(names.pipelines(), o.pipelineId())),
                col("stageId", OpportunityView::stageId),
                col("stage", o -> name(names.stages(), o.stageId())),
                col("status", OpportunityView::status),
                col("amount", OpportunityView::amount),
                col("currency", o -> names.currency()),
                col("probability", OpportunityView::probability),
                col("expectedCloseDate", OpportunityView::expectedCloseDate),
                col("ownerId", OpportunityView::ownerId),
                col("owner", OpportunityView::ownerName),
                col("teamId", OpportunityView::teamId),
                col("accountId", OpportunityView::accountId),
                col("account", OpportunityView::accountName),
                col("contactId", OpportunityView::contactId),
                col("source", OpportunityView::source),
                col("industry", OpportunityView::industry),
                col("nextStep", OpportunityView::nextStep),
                col("openedAt", OpportunityView::openedAt),
                col("stageEnteredAt", OpportunityView::stageEnteredAt),
                col("lastActivityAt", OpportunityView::lastActivityAt),
                col("closedAt", OpportunityView::closedAt),
                col("closeReason", OpportunityView::closeReason),
                col("closeNote", OpportunityView::closeNote),
                col("sourceLeadId", OpportunityView::sourceLeadId));
    }

    static List<ExportColumn<AccountSummary>> accounts(Names names) {
        return List.of(
                col("id", AccountSummary::id),
                col("name", AccountSummary::name),
                col("domain", AccountSummary::domain),
                col("industry", AccountSummary::industry),
                col("companySize", AccountSummary::size),
                col("annualRevenue", AccountSummary::annualRevenue),
                col("currency", a -> names.currency()),
                col("country", AccountSummary::country),
                col("contactCount", AccountSummary::contactCount));
    }

    static List<ExportColumn<ContactSummary>> contacts() {
        return List.of(
                col("id", ContactSummary::id),
                col("accountId", ContactSummary::accountId),
                col("firstName", ContactSummary::firstName),
                col("lastName", ContactSummary::lastName),
                col("email", ContactSummary::email),
                col("phone", ContactSummary::phone),
                col("title", ContactSummary::title),
                col("buyingRole", ContactSummary::buyingRole));
    }

    static List<ExportColumn<ActivityView>> activities(Names names) {
        return List.of(
                col("id", ActivityView::id),
                col("kind", ActivityView::kind),
                col("recordType", ActivityView::recordType),
                col("recordId", ActivityView::recordId),
                col("subject", ActivityView::subject),
                col("body", ActivityView::body),
                col("direction", ActivityView::direction),
                col("occurredAt", ActivityView::occurredAt),
                col("durationMinutes", ActivityView::durationMinutes),
                col("outcome", ActivityView::outcome),
                col("authorId", ActivityView::authorId),
                col("author", a -> name(names.people(), a.authorId())),
                col("participantUserIds", a -> joined(a.participantUserIds())),
                col("participantContactIds", a -> joined(a.participantContactIds())));
    }

    static List<ExportColumn<TaskView>> tasks(Names names) {
        return List.of(
                col("id", TaskView::id),
                col("title", TaskView::title),
                col("dueAt", TaskView::dueAt),
                col("priority", TaskView::priority),
                col("assigneeId", TaskView::assigneeId),
                col("assignee", t -> name(names.people(), t.assigneeId())),
                col("createdBy", TaskView::createdBy),
                col("recordType", TaskView::recordType),
                col("recordId", TaskView::recordId),
                col("completed", TaskView::completed),
                col("completedAt", TaskView::completedAt));
    }

    private static <T> ExportColumn<T> col(String key, java.util.function.Function<T, Object> value) {
        return new ExportColumn<>(key, value);
    }

    private static String name(Map<Long, String> names, Long id) {
        return id == null ? null : names.get(id);
    }

    /** Several ids in one cell, space-separated: a list is data too, and spaces survive every spreadsheet. */
    private static String joined(List<Long> ids) {
        return ids == null || ids.isEmpty()
                ? null
                : ids.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
