package org.pipelinecrm.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.pipelinecrm.account.AccountExport;
import org.pipelinecrm.activity.ActivityExport;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.FieldView;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.lead.LeadExport;
import org.pipelinecrm.opportunity.DealExport;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a list as a file while reading it: one read-only transaction in the signed-in person's workspace, rows
 * streamed from a database cursor to the output a batch at a time, with the same filters and visibility as the list.
 */
@Service
@Transactional(readOnly = true)
public class Exports {

    private final LeadExport leads;
    private final DealExport deals;
    private final AccountExport accounts;
    private final ActivityExport activities;
    private final People people;
    private final Pipelines pipelines;
    private final Workspaces workspaces;
    private final MessageSource messages;
    private final List<ExportColumnProvider> providers;
    private final CustomFields customFields;

    Exports(
            LeadExport leads,
            DealExport deals,
            AccountExport accounts,
            ActivityExport activities,
            People people,
            Pipelines pipelines,
            Workspaces workspaces,
            MessageSource messages,
            List<ExportColumnProvider> providers,
            CustomFields customFields) {
        this.customFields = customFields;
        this.leads = leads;
        this.deals = deals;
        this.accounts = accounts;
        this.activities = activities;
        this.people = people;
        this.pipelines = pipelines;
        this.workspaces = workspaces;
        this.messages = messages;
        this.providers = providers;
    }

    /**
     * Checks the filter before any byte is sent, so that a wrong value answers 400 and a record one may not see 404
     * instead of a broken file.
     */
    public void check(RecordKind kind, ExportFilter filter) {
        switch (kind) {
            case LEADS -> filter.leads();
            case OPPORTUNITIES -> filter.deals();
            case ACTIVITIES, TASKS ->
                activities.checkRecord(filter.recordType(), filter.recordId(), CurrentUser.actor());
            default -> {}
        }
    }

    public void write(RecordKind kind, ExportFilter filter, ExportFormat format, Locale locale, OutputStream out)
            throws IOException {
        Sheet sheet = Sheet.open(format, out, label(kind, locale));
        write(kind, filter, sheet, names(), locale);
        sheet.finish();
    }

    /** Only admins take the whole workspace. */
    public void checkWorkspace() {
        if (!CurrentUser.get().is(Role.ADMIN)) {
            throw new AccessDeniedException("Only admins export the whole workspace");
        }
    }

    /** Every kind of record of the workspace, each a CSV file in one zip; for admins. */
    public void writeWorkspace(Locale locale, OutputStream out) throws IOException {
        checkWorkspace();
        Columns.Names names = names();
        ZipOutputStream zip = new ZipOutputStream(out);
        for (RecordKind kind : RecordKind.values()) {
            zip.putNextEntry(new ZipEntry(kind.path() + ".csv"));
            Sheet sheet = new CsvSheet(zip);
            write(kind, ExportFilter.none(), sheet, names, locale);
            sheet.finish();
            zip.closeEntry();
        }
        zip.finish();
    }

    public String label(RecordKind kind, Locale locale) {
        return messages.getMessage("export.kind." + kind.path(), null, kind.path(), locale);
    }

    private void write(RecordKind kind, ExportFilter filter, Sheet sheet, Columns.Names names, Locale locale) {
        switch (kind) {
            case LEADS ->
                rows(
                        kind,
                        sheet,
                        locale,
                        Columns.leads(names),
                        l -> l.id(),
                        org.pipelinecrm.customfield.RecordKind.LEAD,
                        l -> l.customFields(),
                        each -> leads.forEachBatch(filter.leads(), each));
            case OPPORTUNITIES ->
                rows(
                        kind,
                        sheet,
                        locale,
                        Columns.opportunities(names),
                        o -> o.id(),
                        org.pipelinecrm.customfield.RecordKind.OPPORTUNITY,
                        o -> o.customFields(),
                        each -> deals.forEachBatch(filter.deals(), each));
            case ACCOUNTS ->
                rows(
                        kind,
                        sheet,
                        locale,
                        Columns.accounts(names),
                        a -> a.id(),
                        org.pipelinecrm.customfield.RecordKind.ACCOUNT,
                        a -> a.customFields(),
                        accounts::forEachAccountBatch);
            case CONTACTS ->
                rows(
                        kind,
                        sheet,
                        locale,
                        Columns.contacts(),
                        c -> c.id(),
                        org.pipelinecrm.customfield.RecordKind.CONTACT,
                        c -> c.customFields(),
                        each -> accounts.forEachContactBatch(filter.accountId(), each));
            case ACTIVITIES ->
                rows(
                        kind,
                        sheet,
                        locale,
                        Columns.activities(names),
                        a -> a.id(),
                        null,
                        a -> null,
                        each -> activities.forEachActivityBatch(
                                filter.recordType(), filter.recordId(), filter.kind(), CurrentUser.actor(), each));
            case TASKS ->
                rows(
                        kind,
                        sheet,
                        locale,
                        Columns.tasks(names),
                        t -> t.id(),
                        null,
                        t -> null,
                        each -> activities.forEachTaskBatch(
                                filter.recordType(), filter.recordId(), filter.onlyMine(), CurrentUser.actor(), each));
        }
    }

    private <T> void rows(
            RecordKind kind,
            Sheet sheet,
            Locale locale,
            List<ExportColumn<T>> columns,
            Function<T, Long> id,
            org.pipelinecrm.customfield.RecordKind fieldKind,
            Function<T, Map<String, Object>> fieldValues,
            Consumer<Consumer<List<T>>> source) {
        List<Object> header = new ArrayList<>();
        columns.forEach(c -> header.add(messages.getMessage("export.column." + c.key(), null, c.key(), locale)));
        // one column per active custom field, after the record's own, headed by its label in the reader's language
        List<FieldView> fields = fieldKind == null ? List.of() : customFields.active(fieldKind);
        fields.forEach(f -> header.add(f.labelIn(locale)));
        Map<Long, String> users = fields.stream().anyMatch(f -> f.type() == org.pipelinecrm.customfield.FieldType.USER)
                ? people.userNames()
                : Map.of();
        List<Integer> widths = new ArrayList<>();
        for (ExportColumnProvider provider : providers) {
            List<String> extra = provider.headers(kind, locale);
            header.addAll(extra);
            widths.add(extra.size());
        }
        try {
            sheet.row(header);
            source.accept(batch -> {
                List<Long> ids = batch.stream().map(id).toList();
                List<Map<Long, List<Object>>> extras = new ArrayList<>();
                for (int p = 0; p < providers.size(); p++) {
                    extras.add(widths.get(p) == 0 ? Map.of() : providers.get(p).values(kind, ids));
                }
                for (T record : batch) {
                    List<Object> cells = new ArrayList<>(header.size());
                    columns.forEach(c -> cells.add(c.value().apply(record)));
                    if (!fields.isEmpty()) {
                        Map<String, Object> values = fieldValues.apply(record);
                        for (FieldView f : fields) {
                            cells.add(fieldCell(f, values == null ? null : values.get(f.key()), users));
                        }
                    }
                    for (int p = 0; p < providers.size(); p++) {
                        List<Object> values = extras.get(p).get(id.apply(record));
                        for (int i = 0; i < widths.get(p); i++) {
                            cells.add(values == null || i >= values.size() ? null : values.get(i));
                        }
                    }
                    try {
                        sheet.row(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A custom field's value as data: numbers and money as numbers, dates as dates, yes/no as such, a person by name,
     * lists joined by ", " and text as text (kept from running as a formula as every text cell is).
     */
    static Object fieldCell(FieldView field, Object value, Map<Long, String> users) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case NUMBER, MONEY -> {
                try {
                    yield value instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(value.toString());
                } catch (NumberFormatException e) {
                    yield CustomFields.text(value);
                }
            }
            case DATE -> {
                try {
                    yield java.time.LocalDate.parse(value.toString());
                } catch (java.time.format.DateTimeParseException e) {
                    yield CustomFields.text(value);
                }
            }
            case BOOLEAN -> value instanceof Boolean b ? b : CustomFields.text(value);
            case USER ->
                value instanceof Number n
                        ? users.getOrDefault(n.longValue(), CustomFields.text(value))
                        : CustomFields.text(value);
            default -> CustomFields.text(value);
        };
    }

    private Columns.Names names() {
        Map<Long, String> pipelineNames = new HashMap<>();
        Map<Long, String> stageNames = new HashMap<>();
        for (PipelineView pipeline : pipelines.visible()) {
            pipelineNames.put(pipeline.id(), pipeline.name());
            for (StageView stage : pipeline.stages()) {
                stageNames.put(stage.id(), stage.name());
            }
        }
        return new Columns.Names(workspaces.current().currency().name(), people.userNames(), pipelineNames, stageNames);
    }
}
