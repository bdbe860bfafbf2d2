-- Where the public web form's leads land in each workspace: a team (so its reps see them at once) and
-- optionally an owner of that team. No row: leads arrive without team or owner, as before.
-- If the team or person ever goes away, the setting forgets them instead of blocking the removal.
CREATE SEQUENCE web_form_routing_seq INCREMENT BY 50;
CREATE TABLE web_form_routing (
  tenant_id  bigint NOT NULL REFERENCES workspace (id),
  id         bigint NOT NULL,
  team_id    bigint,
  owner_id   bigint,
  version    bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id) ON DELETE SET NULL (team_id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id) ON DELETE SET NULL (owner_id)
);
CREATE UNIQUE INDEX web_form_routing_tenant_uq ON web_form_routing (tenant_id);
CALL enable_tenant_isolation('web_form_routing');
