-- Fills one workspace with :leads leads (every field set, some Persian, some formula-like text), for the
-- export benchmark. Run as a superuser (row-level security does not bind it):
--   psql -v tenant=1 -v leads=100000 -f bench/generate-export-leads.sql
\set ON_ERROR_STOP on
SELECT min(u.id) AS owner_id FROM app_user u WHERE u.tenant_id = :tenant \gset
INSERT INTO lead (tenant_id, id, first_name, last_name, email, phone, company, title, industry, country,
                  company_size, annual_revenue, source, type, status, owner_id, score, score_breakdown,
                  email_key, created_at, updated_at, version)
SELECT :tenant, nextval('lead_seq'),
       (ARRAY['Sara', 'Reza', 'مینا', 'Ali', 'Anna'])[1 + g % 5],
       (ARRAY['Ahmadi', 'رضایی', 'Smith', 'Müller', 'Novak'])[1 + g % 5] || ' ' || g,
       'lead' || g || '@bench.test', '+98 912 ' || lpad((g % 10000000)::text, 7, '0'),
       (ARRAY['Acme', 'پارسیان', '=Formula Ltd', 'Beta GmbH', 'Gamma'])[1 + g % 5],
       'Buyer', 'Software', 'Iran', 10 + g % 5000, round((g * 17.5)::numeric, 2),
       (ARRAY['Website', 'Webinar', 'Referral'])[1 + g % 3], 'MQL', 'WORKING', :owner_id, g % 100, '[]',
       'lead' || g || '@bench.test', now() - (g || ' seconds')::interval, now(), 0
FROM generate_series(1, :leads) g;
ANALYZE lead;
