package org.pipelinecrm.customfield.web;

import jakarta.validation.Valid;
import java.util.List;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.FieldView;
import org.pipelinecrm.customfield.RecordKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Custom field definitions in the public API: everyone reads them, admins define and change them. */
@RestController
@RequestMapping("/api/v1/fields")
class CustomFieldsApi {

    private final CustomFields fields;

    CustomFieldsApi(CustomFields fields) {
        this.fields = fields;
    }

    /** Every field (retired ones too, {@code active: false}), by kind and position; {@code recordKind} narrows. */
    @GetMapping
    List<FieldView> list(@RequestParam(required = false) RecordKind recordKind) {
        return fields.fields(recordKind);
    }

    @GetMapping("/{id}")
    FieldView field(@PathVariable long id) {
        return fields.field(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FieldView define(@Valid @RequestBody CustomFields.DefineCmd cmd) {
        return fields.define(cmd);
    }

    @PatchMapping("/{id}")
    FieldView change(@PathVariable long id, @Valid @RequestBody CustomFields.ChangeCmd cmd) {
        return fields.change(id, cmd);
    }
}
