package org.pipelinecrm.importing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.importing.ImportMappingException;
import org.pipelinecrm.importing.ImportOptions;
import org.pipelinecrm.importing.ImportPreview;
import org.pipelinecrm.importing.ImportStatus;
import org.pipelinecrm.importing.Imports;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload a CSV, match its columns to fields with a preview of the first rows, start, watch its progress (htmx
 * polls the status partial), download the bad rows.
 */
@Controller
@RequestMapping("/imports")
class ImportPages {

    private static final String FIELD = "field.";
    private final Imports imports;
    private final MessageSource messages;
    private final org.pipelinecrm.tenant.Workspaces workspaces;

    ImportPages(Imports imports, MessageSource messages, org.pipelinecrm.tenant.Workspaces workspaces) {
        this.workspaces = workspaces;
        this.imports = imports;
        this.messages = messages;
    }

    private String message(ImportMappingException e) {
        return messages.getMessage(
                "import.mapping.error." + e.code(), e.arguments(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    @GetMapping("/new")
    String form(@RequestParam(defaultValue = "leads") String entity, Model model) {
        model.addAttribute("entity", entity);
        model.addAttribute("fields", imports.target(entity).fields());
        model.addAttribute("fieldLabels", imports.target(entity).labels(LocaleContextHolder.getLocale()));
        model.addAttribute("encodings", Imports.ENCODINGS);
        return "importing/new";
    }

    /** Stores the upload as a draft and goes on to match its columns. */
    @PostMapping
    String upload(
            @RequestParam MultipartFile file,
            @RequestParam(defaultValue = "leads") String entity,
            @RequestParam(required = false) String encoding,
            Model model)
            throws IOException {
        try {
            long id = imports.upload(entity, file.getOriginalFilename(), file.getBytes(), encoding);
            return "redirect:/imports/" + id + "/mapping";
        } catch (ImportMappingException e) {
            model.addAttribute("error", message(e));
            return form(entity, model);
        }
    }

    @GetMapping("/{id}/mapping")
    String mapping(@PathVariable long id, Model model) {
        ImportPreview preview = imports.preview(id, null);
        if (!"DRAFT".equals(imports.status(id).status())) {
            return "redirect:/imports/" + id;
        }
        return mappingPage(preview, model);
    }

    /** The mapping page; fields the target offers a list for (the pipeline) get their own select. */
    private String mappingPage(ImportPreview preview, Model model) {
        model.addAttribute("preview", preview);
        model.addAttribute("choices", imports.target(preview.entity()).choices());
        model.addAttribute("fieldLabels", imports.target(preview.entity()).labels(LocaleContextHolder.getLocale()));
        if (!preview.unknownOwners().isEmpty()) {
            model.addAttribute("people", imports.assignablePeople());
        }
        return "importing/mapping";
    }

    /** The preview table again for the columns chosen so far (htmx, on every change of a select). */
    @PostMapping("/{id}/preview")
    String preview(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        ImportPreview preview = imports.preview(id, mapping(params));
        model.addAttribute("preview", preview);
        model.addAttribute("fieldLabels", imports.target(preview.entity()).labels(LocaleContextHolder.getLocale()));
        return "importing/mapping :: preview";
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> mapping = mapping(params);
        try {
            imports.start(id, mapping, options(id, params));
            return "redirect:/imports/" + id;
        } catch (ImportMappingException e) {
            model.addAttribute("error", message(e));
            return mappingPage(imports.preview(id, mapping), model);
        } catch (org.pipelinecrm.shared.InvalidInputException e) {
            model.addAttribute(
                    "error",
                    messages.getMessage(
                            e.getMessageKey(), e.getArguments(), e.getMessage(), LocaleContextHolder.getLocale()));
            return mappingPage(imports.preview(id, mapping), model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model, HttpServletRequest request) {
        ImportStatus job = imports.status(id);
        if ("DRAFT".equals(job.status())) {
            return "redirect:/imports/" + id + "/mapping";
        }
        model.addAttribute("job", worded(job));
        var zone = workspaces.current().timeZone();
        model.addAttribute("undoUntil", java.time.LocalDate.ofInstant(job.undo().possibleUntil(), zone));
        model.addAttribute(
                "undoable",
                imports.undoable(job.entity()) && job.undo().possibleUntil().isAfter(java.time.Instant.now()));
        return request.getHeader("HX-Request") != null ? "importing/show :: progress" : "importing/show";
    }

    /** Queues the undo and shows its progress; a refusal (already undone, too old) is shown on the page. */
    @PostMapping("/{id}/undo")
    String undo(@PathVariable long id, Model model, HttpServletRequest request) {
        try {
            imports.undo(id);
            return "redirect:/imports/" + id;
        } catch (org.pipelinecrm.shared.ConflictException e) {
            model.addAttribute(
                    "undoError",
                    messages.getMessage(
                            e.getMessageKey(), e.getArguments(), e.getMessage(), LocaleContextHolder.getLocale()));
            return show(id, model, request);
        }
    }

    /** The bad rows' reasons in the reader's language; reasons kept before they had codes stay as they were. */
    private ImportStatus worded(ImportStatus job) {
        var locale = LocaleContextHolder.getLocale();
        return new ImportStatus(
                job.id(),
                job.entity(),
                job.status(),
                job.total(),
                job.processed(),
                job.imported(),
                job.updated(),
                job.skipped(),
                worded(job.errors(), locale),
                worded(job.notes(), locale),
                job.undo());
    }

    /** Each reason in the reader's language, naming the file's column rather than the field where it has one. */
    private List<ImportStatus.RowError> worded(List<ImportStatus.RowError> rows, java.util.Locale locale) {
        return rows.stream()
                .map(e -> {
                    if (e.code() == null) {
                        return e;
                    }
                    Object[] args = e.args().toArray();
                    if (e.column() != null
                            && args.length > 0
                            && !e.args().get(0).equals(e.column())
                            && imports.isField(e.args().get(0))) {
                        args[0] = e.column();
                    }
                    return new ImportStatus.RowError(
                            e.row(),
                            messages.getMessage("import.problem." + e.code(), args, e.message(), locale),
                            e.code(),
                            e.args(),
                            e.column());
                })
                .toList();
    }

    /**
     * The choices besides the columns: {@code dateOrder}, {@code ownerPolicy} for all unknown owners (a policy,
     * or {@code ASSIGN_TO:<id>}) and {@code owner.<n>} per name ({@code ownerName.<n>} says which; blank: as
     * for all).
     */
    private static ImportOptions options(long id, MultiValueMap<String, String> params) {
        String all = blankToNull(params.getFirst("ownerPolicy"));
        String policy = all;
        Long assignTo = null;
        if (all != null && all.startsWith(ImportOptions.ASSIGN_TO + ":")) {
            policy = ImportOptions.ASSIGN_TO;
            assignTo = personId(all.substring(ImportOptions.ASSIGN_TO.length() + 1));
        }
        Map<String, String> owners = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("ownerName.") && !values.isEmpty()) {
                String choice = blankToNull(params.getFirst("owner." + name.substring("ownerName.".length())));
                if (choice != null && values.get(0) != null) {
                    owners.put(values.get(0), choice);
                }
            }
        });
        return new ImportOptions(
                id,
                null,
                blankToNull(params.getFirst("dateOrder")),
                policy,
                assignTo,
                owners,
                blankToNull(params.getFirst("stageHistory")));
    }

    private static Long personId(String s) {
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "assignToId", "import.assignToNeeded", "assignToId: whom to give the deals to is needed");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The form's selects are named {@code field.<crm field>}; an empty choice means "not imported". */
    private static Map<String, String> mapping(MultiValueMap<String, String> params) {
        Map<String, String> mapping = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(FIELD) && !values.isEmpty()) {
                mapping.put(name.substring(FIELD.length()), values.get(0) == null ? "" : values.get(0));
            }
        });
        return mapping;
    }

    @GetMapping("/{id}/errors.csv")
    ResponseEntity<String> errors(@PathVariable long id) {
        ImportStatus job = worded(imports.status(id));
        StringBuilder csv = new StringBuilder("row,column,message\r\n");
        job.errors()
                .forEach(e -> csv.append(e.row())
                        .append(",\"")
                        .append(e.column() == null ? "" : e.column().replace("\"", "\"\""))
                        .append("\",\"")
                        .append(e.message() == null ? "" : e.message().replace("\"", "\"\""))
                        .append("\"\r\n"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"")
                .body("\uFEFF" + csv);
    }
}
