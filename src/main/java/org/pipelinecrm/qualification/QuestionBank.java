package org.pipelinecrm.qualification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.pipelinecrm.shared.TenantOwned;

/** A workspace's own guiding questions, kept as one JSON document: {language: {topic: [question, ...]}}. */
@Entity
class QuestionBank extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String questions;

    @Version
    private long version;

    protected QuestionBank() {}

    QuestionBank(String questions) {
        this.questions = questions;
    }

    String questions() {
        return questions;
    }

    void replace(String questions) {
        this.questions = questions;
    }

    long version() {
        return version;
    }
}
