-- What the account module lets other modules read (security_invoker: row-level security binds the reader).

-- An account's name, for cards and lists of deals.
CREATE OR REPLACE VIEW account_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, name
FROM account;

-- Who a contact is for its account's deals: its buying role.
CREATE OR REPLACE VIEW contact_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, account_id, buying_role
FROM contact;

GRANT SELECT ON account_facts, contact_facts TO ${app_role};
