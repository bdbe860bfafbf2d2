package org.pipelinecrm.importing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pipelinecrm.importing.ImportMappingException;
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

    ImportPages(Imports imports, MessageSource messages) {
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
        return "importing/new";
    }

    /** Stores the upload as a draft and goes on to match its columns. */
    @PostMapping
    String upload(@RequestParam MultipartFile file, @RequestParam(defaultValue = "leads") String entity, Model model)
            throws IOException {
        try {
            long id = imports.upload(entity, file.getOriginalFilename(), file.getBytes());
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
        return "importing/mapping";
    }

    /** The preview table again for the columns chosen so far (htmx, on every change of a select). */
    @PostMapping("/{id}/preview")
    String preview(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        model.addAttribute("preview", imports.preview(id, mapping(params)));
        return "importing/mapping :: preview";
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> mapping = mapping(params);
        try {
            imports.start(id, mapping);
            return "redirect:/imports/" + id;
        } catch (ImportMappingException e) {
            model.addAttribute("error", message(e));
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
        return request.getHeader("HX-Request") != null ? "importing/show :: progress" : "importing/show";
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
                job.errors().stream()
                        .map(e -> e.code() == null
                                ? e
                                : new ImportStatus.RowError(
                                        e.row(),
                                        messages.getMessage(
                                                "import.problem." + e.code(),
                                                e.args().toArray(),
                                                e.message(),
                                                locale),
                                        e.code(),
                                        e.args()))
                        .toList());
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
        StringBuilder csv = new StringBuilder("row,message\r\n");
        job.errors()
                .forEach(e -> csv.append(e.row())
                        .append(",\"")
                        .append(e.message() == null ? "" : e.message().replace("\"", "\"\""))
                        .append("\"\r\n"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"")
                .body("\uFEFF" + csv);
    }
}
