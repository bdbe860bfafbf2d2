package org.pipelinecrm.customfield;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import org.pipelinecrm.shared.TenantOwned;

/**
 * One field an admin added to a kind of record. Its key and type never change (stored values are read by them);
 * labels, options, required, position and active may. Retiring (active = false) hides the field and its values,
 * which stay stored and come back when it is made active again.
 */
@Entity
class CustomField extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Enumerated(EnumType.STRING)
    private RecordKind recordKind;

    @Column(name = "field_key")
    private String key;

    private String label;
    private String labelFa;

    @Enumerated(EnumType.STRING)
    @Column(name = "field_type")
    private FieldType type;

    private String options = "";
    private boolean required;
    private int position;
    private boolean active = true;

    @Version
    private long version;

    protected CustomField() {}

    CustomField(RecordKind recordKind, String key, FieldType type, int position) {
        this.recordKind = recordKind;
        this.key = key;
        this.type = type;
        this.position = position;
    }

    void describe(String label, String labelFa, List<String> options, boolean required) {
        this.label = label;
        this.labelFa = labelFa;
        this.options = type.hasOptions() ? String.join("\n", options) : "";
        this.required = required;
    }

    void moveTo(int position) {
        this.position = position;
    }

    void activate(boolean active) {
        this.active = active;
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    FieldView toView() {
        return new FieldView(
                id,
                recordKind,
                key,
                label,
                labelFa,
                type,
                options.isEmpty() ? List.of() : Arrays.asList(options.split("\n")),
                required,
                position,
                active,
                version);
    }
}
