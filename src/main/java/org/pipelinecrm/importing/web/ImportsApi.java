package org.pipelinecrm.importing.web;

import java.io.IOException;
import java.util.Map;
import org.pipelinecrm.importing.ImportOptions;
import org.pipelinecrm.importing.ImportStatus;
import org.pipelinecrm.importing.Imports;
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

    ImportsApi(Imports imports) {
        this.imports = imports;
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

    @GetMapping("/{id}")
    ImportStatus status(@PathVariable long id) {
        return imports.status(id);
    }

    /** Queues the undo of a finished import; its progress is the status's {@code undo}. */
    @PostMapping("/{id}/undo")
    ResponseEntity<ImportStatus> undo(@PathVariable long id) {
        imports.undo(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.status(id));
    }
}
