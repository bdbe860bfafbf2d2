package org.pipelinecrm.importing.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.importing.ImportOptions;
import org.pipelinecrm.importing.ImportStatus;
import org.pipelinecrm.importing.Imports;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** CSV imports in the public API: 202 with the import's id, then poll its status. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Imports imports;
    private final MessageSource messages;

    ImportsApi(Imports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<Map<String, Long>> start(
            @RequestParam MultipartFile file,
            @RequestParam String entity,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String dateOrder,
            @RequestParam(required = false) String ownerPolicy,
            @RequestParam(required = false) Long assignToId,
            @RequestParam(required = false) String stageHistory)
            throws IOException {
        Map<String, String> fields =
                new java.util.HashMap<>(mapping == null || mapping.isBlank() ? Map.of() : mapping(mapping));
        if (pipelineId != null) {
            fields.put("pipelineId", "=" + pipelineId); // the same pipeline for every row
        }
        var options = new ImportOptions(0, encoding, dateOrder, ownerPolicy, assignToId, Map.of(), stageHistory);
        long id = imports.start(entity, file.getOriginalFilename(), file.getBytes(), fields, options);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
    }

    /** The mapping as JSON, field → column; anything else names the parameter. */
    private static Map<String, String> mapping(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (tools.jackson.core.JacksonException e) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "mapping", "problem.field.json", "mapping is not a JSON object of field names to columns");
        }
    }

    /** Row errors and notes read in the client's language (English unless it asks for Persian); code and args stay. */
    @GetMapping("/{id}")
    ImportStatus status(@PathVariable long id) {
        ImportStatus status = imports.status(id);
        return new ImportStatus(
                status.id(),
                status.entity(),
                status.status(),
                status.total(),
                status.processed(),
                status.imported(),
                status.updated(),
                status.skipped(),
                worded(status.errors()),
                worded(status.notes()),
                status.undo());
    }

    private List<ImportStatus.RowError> worded(List<ImportStatus.RowError> rows) {
        Locale locale = LocaleContextHolder.getLocale();
        return rows.stream()
                .map(e -> e.code() == null
                        ? e
                        : new ImportStatus.RowError(
                                e.row(),
                                messages.getMessage(
                                        "import.problem." + e.code(), e.args().toArray(), e.message(), locale),
                                e.code(),
                                e.args(),
                                e.column()))
                .toList();
    }

    /** Queues the undo of a finished import; its progress is the status's {@code undo}. */
    @PostMapping("/{id}/undo")
    ResponseEntity<ImportStatus> undo(@PathVariable long id) {
        imports.undo(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.status(id));
    }
}
