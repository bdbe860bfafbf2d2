-- The owner runs the migrations; the app role owns nothing, so row-level security binds it.
CREATE ROLE crm_owner LOGIN PASSWORD 'owner-secret';
CREATE ROLE crm_app LOGIN PASSWORD 'app-secret';
CREATE DATABASE crm OWNER crm_owner;
