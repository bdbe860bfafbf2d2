package org.pipelinecrm.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.pipelinecrm.shared.TenantOwned;

/** The stored model; rules are JSON text, read and written whole. */
@Entity
class ScoringModel extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    String fitRules;
    String behaviourRules;
    int decayPercentPerWeek;
    int mqlThreshold;
    int sqlThreshold;

    @Version
    long version;

    protected ScoringModel() {}

    ScoringModel(String fitRules, String behaviourRules, int decay, int mql, int sql) {
        change(fitRules, behaviourRules, decay, mql, sql);
    }

    void change(String fitRules, String behaviourRules, int decay, int mql, int sql) {
        this.fitRules = fitRules;
        this.behaviourRules = behaviourRules;
        this.decayPercentPerWeek = decay;
        this.mqlThreshold = mql;
        this.sqlThreshold = sql;
    }
}
