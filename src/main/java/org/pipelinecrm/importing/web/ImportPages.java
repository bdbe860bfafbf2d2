package org.pipelinecrm.importing.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.pipelinecrm.importing.ImportStatus;
import org.pipelinecrm.importing.Imports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload a CSV, watch its progress (htmx polls the status partial), download the bad rows. */
@Controller
@RequestMapping("/imports")
class ImportPages {

    private final Imports imports;

    ImportPages(Imports imports) {
        this.imports = imports;
    }

    @GetMapping("/new")
    String form(@RequestParam(defaultValue = "leads") String entity, Model model) {
        model.addAttribute("entity", entity);
        model.addAttribute("fields", imports.target(entity).fields());
        return "importing/new";
    }

    @PostMapping
    String start(@RequestParam MultipartFile file, @RequestParam(defaultValue = "leads") String entity)
            throws IOException {
        // Columns are matched to fields by name; an explicit mapping is available through the API.
        long id = imports.start(entity, file.getOriginalFilename(), file.getBytes(), Map.of());
        return "redirect:/imports/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model, HttpServletRequest request) {
        model.addAttribute("job", imports.status(id));
        return request.getHeader("HX-Request") != null ? "importing/show :: progress" : "importing/show";
    }

    @GetMapping("/{id}/errors.csv")
    ResponseEntity<String> errors(@PathVariable long id) {
        ImportStatus job = imports.status(id);
        StringBuilder csv = new StringBuilder("row,message\r\n");
        job.errors().forEach(e -> csv.append(e.row()).append(",\"")
                .append(e.message() == null ? "" : e.message().replace("\"", "\"\"")).append("\"\r\n"));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"")
                .body("\uFEFF" + csv);
    }
}
