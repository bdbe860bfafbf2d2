-- The BANT scorecard of a lead (one per lead) and each workspace's bank of guiding questions.

CREATE SEQUENCE qualification_seq INCREMENT BY 50;
CREATE TABLE qualification (
  tenant_id               bigint NOT NULL REFERENCES workspace (id),
  id                      bigint NOT NULL,
  lead_id                 bigint NOT NULL,
  budget_status           text NOT NULL DEFAULT 'UNKNOWN' CHECK (budget_status IN ('UNKNOWN', 'MET', 'NOT_MET')),
  budget_note             text CHECK (length(budget_note) <= 2000),
  authority_status        text NOT NULL DEFAULT 'UNKNOWN' CHECK (authority_status IN ('UNKNOWN', 'MET', 'NOT_MET')),
  authority_note          text CHECK (length(authority_note) <= 2000),
  need_status             text NOT NULL DEFAULT 'UNKNOWN' CHECK (need_status IN ('UNKNOWN', 'MET', 'NOT_MET')),
  need_note               text CHECK (length(need_note) <= 2000),
  timeline_status         text NOT NULL DEFAULT 'UNKNOWN' CHECK (timeline_status IN ('UNKNOWN', 'MET', 'NOT_MET')),
  timeline_note           text CHECK (length(timeline_note) <= 2000),
  expected_purchase_date  date,
  organization_level      text NOT NULL DEFAULT 'UNKNOWN' CHECK (organization_level IN ('UNKNOWN', 'PASSED', 'FAILED')),
  opportunity_level       text NOT NULL DEFAULT 'UNKNOWN' CHECK (opportunity_level IN ('UNKNOWN', 'PASSED', 'FAILED')),
  stakeholder_level       text NOT NULL DEFAULT 'UNKNOWN' CHECK (stakeholder_level IN ('UNKNOWN', 'PASSED', 'FAILED')),
  updated_by              bigint,
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES lead (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, updated_by) REFERENCES app_user (tenant_id, id)
);
-- One scorecard per lead.
CREATE UNIQUE INDEX qualification_lead_uq ON qualification (tenant_id, lead_id);
CALL enable_tenant_isolation('qualification');

-- Guiding questions, read and written whole: {"en": {"BUDGET": ["..."], ...}, "fa": {...}}. A workspace
-- without a row uses the defaults from the seed articles.
CREATE SEQUENCE question_bank_seq INCREMENT BY 50;
CREATE TABLE question_bank (
  tenant_id  bigint NOT NULL REFERENCES workspace (id),
  id         bigint NOT NULL,
  questions  text NOT NULL,
  version    bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX question_bank_tenant_uq ON question_bank (tenant_id);
CALL enable_tenant_isolation('question_bank');
