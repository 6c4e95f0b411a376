#include "TeamSchema.h"

#include "TeamLog.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

// Version 1: workstations (who pushes), leads (one row per account and our order id, owned by the
// workstation that first shared it), their status history, and who may do what.
//
// Row-level security: an operator's login may see, insert and update only the rows of workstations
// registered under that login (workstations.db_user = current_user); it may register workstations only
// under its own name, and it may never change a workstation's id or login. Managers read everything.
// The tables belong to the owner that ran this migration (RLS does not bind it).
const char *const version1[] = {
    "CREATE TABLE cpadesk_schema ("
    " singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),"
    " version integer NOT NULL)",
    "INSERT INTO cpadesk_schema (version) VALUES (0)",
    "CREATE TABLE workstations ("
    " workstation_id text PRIMARY KEY,"
    " db_user name NOT NULL DEFAULT session_user,"
    " operator_name text NOT NULL DEFAULT '',"
    " first_seen timestamptz NOT NULL DEFAULT now(),"
    " last_seen timestamptz NOT NULL DEFAULT now())",
    "CREATE TABLE leads ("
    " account text NOT NULL,"
    " order_id text NOT NULL,"
    " workstation_id text NOT NULL REFERENCES workstations,"
    " operator_name text NOT NULL DEFAULT '',"
    " offer text, country text, name text, phone text,"
    " send_state text NOT NULL,"
    " network_order_id text,"
    " stage text NOT NULL DEFAULT '',"
    " status integer NOT NULL DEFAULT 0,"
    " reason integer NOT NULL DEFAULT 0,"
    // StatusProgress::rank(): what keeps a status from moving backwards when two workstations track
    // the same order.
    " progress integer NOT NULL DEFAULT -1,"
    " is_final boolean NOT NULL DEFAULT false,"
    " created_at timestamptz NOT NULL,"
    " sent_at timestamptz,"
    " status_changed_at timestamptz,"
    " updated_at timestamptz NOT NULL DEFAULT now(),"
    " PRIMARY KEY (account, order_id))",
    "CREATE INDEX leads_by_created ON leads (created_at)",
    "CREATE INDEX leads_by_workstation ON leads (workstation_id, created_at)",
    "CREATE INDEX leads_open ON leads (account, created_at) WHERE NOT is_final",
    "CREATE TABLE status_history ("
    " account text NOT NULL,"
    " order_id text NOT NULL,"
    " changed_at timestamptz NOT NULL,"
    " stage text NOT NULL DEFAULT '',"
    " status integer NOT NULL DEFAULT 0,"
    " reason integer NOT NULL DEFAULT 0,"
    " previous_stage text NOT NULL DEFAULT '',"
    " previous_status integer NOT NULL DEFAULT 0,"
    " workstation_id text NOT NULL REFERENCES workstations,"
    // A change is known by when and to what: pushing it again is a no-op.
    " PRIMARY KEY (account, order_id, changed_at, stage, status, reason),"
    " FOREIGN KEY (account, order_id) REFERENCES leads ON DELETE CASCADE)",
    // The rows an operator's login may touch: those of its own workstations. SECURITY DEFINER so the
    // policies of workstations do not apply inside the policies of the other tables; STABLE so it
    // runs once per statement.
    "CREATE FUNCTION cpadesk_my_workstations() RETURNS SETOF text"
    " LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS"
    " $$ SELECT workstation_id FROM public.workstations WHERE db_user = session_user $$",
    "REVOKE ALL ON FUNCTION cpadesk_my_workstations() FROM PUBLIC",
    "ALTER TABLE workstations ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE leads ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE status_history ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY workstations_operator ON workstations TO cpadesk_operator"
    " USING (db_user = session_user) WITH CHECK (db_user = session_user)",
    "CREATE POLICY leads_operator ON leads TO cpadesk_operator"
    " USING (workstation_id IN (SELECT cpadesk_my_workstations()))"
    " WITH CHECK (workstation_id IN (SELECT cpadesk_my_workstations()))",
    // History only for a lead of one's own: the leads policy hides the others inside EXISTS.
    "CREATE POLICY status_history_operator ON status_history TO cpadesk_operator"
    " USING (workstation_id IN (SELECT cpadesk_my_workstations()))"
    " WITH CHECK (workstation_id IN (SELECT cpadesk_my_workstations()) AND EXISTS (SELECT 1 FROM leads l"
    " WHERE l.account = status_history.account AND l.order_id = status_history.order_id))",
    "CREATE POLICY workstations_manager ON workstations FOR SELECT TO cpadesk_manager USING (true)",
    "CREATE POLICY leads_manager ON leads FOR SELECT TO cpadesk_manager USING (true)",
    "CREATE POLICY status_history_manager ON status_history FOR SELECT TO cpadesk_manager USING (true)",
    "GRANT SELECT ON cpadesk_schema TO cpadesk_operator, cpadesk_manager",
    "GRANT SELECT ON workstations, leads, status_history TO cpadesk_operator, cpadesk_manager",
    "GRANT INSERT (workstation_id, operator_name) ON workstations TO cpadesk_operator",
    "GRANT UPDATE (operator_name, last_seen) ON workstations TO cpadesk_operator",
    "GRANT INSERT ON leads, status_history TO cpadesk_operator",
    // Not workstation_id, account or order_id: a row never changes hands or keys.
    "GRANT UPDATE (operator_name, offer, country, name, phone, send_state, network_order_id, stage, status,"
    " reason, progress, is_final, sent_at, status_changed_at, updated_at) ON leads TO cpadesk_operator",
    "GRANT EXECUTE ON FUNCTION cpadesk_my_workstations() TO cpadesk_operator",
    // Every workstation listening learns of a lead's change at COMMIT (TeamListener). The payload names
    // the lead, nothing more: listeners are not bound by row-level security, so it carries no customer
    // data. PostgreSQL folds identical notifications of one transaction into one.
    "CREATE FUNCTION cpadesk_notify_lead_changed() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN PERFORM pg_notify('cpadesk_leads', NEW.account || ' ' || NEW.order_id); RETURN NULL; END $$",
    "CREATE TRIGGER leads_notify AFTER INSERT OR UPDATE ON leads"
    " FOR EACH ROW EXECUTE FUNCTION cpadesk_notify_lead_changed()",
};

// Version 2: the manager's table (TeamLeadsModel). Its first page under any sort is an index walk
// (column, then the key, which makes the order total), and its filters on operator, offer, country and
// stage are index lookups rather than scans of the whole table.
const char *const version2[] = {
    "CREATE INDEX leads_sort_created ON leads (created_at, account, order_id)",
    "CREATE INDEX leads_sort_order_id ON leads (order_id, account)",
    "CREATE INDEX leads_sort_network_id ON leads (network_order_id, account, order_id)",
    "CREATE INDEX leads_sort_offer ON leads (offer, account, order_id)",
    "CREATE INDEX leads_sort_operator ON leads (operator_name, account, order_id)",
    "CREATE INDEX leads_sort_name ON leads (name, account, order_id)",
    "CREATE INDEX leads_sort_phone ON leads (phone, account, order_id)",
    "CREATE INDEX leads_sort_country ON leads (country, account, order_id)",
    "CREATE INDEX leads_sort_stage ON leads (stage, account, order_id)",
    "CREATE INDEX leads_sort_status ON leads (status, account, order_id)",
    "CREATE INDEX leads_sort_reason ON leads (reason, account, order_id)",
    "CREATE INDEX leads_by_country_upper ON leads (upper(country))",
    // Superseded by leads_sort_created.
    "DROP INDEX leads_by_created",
    // The search box (order ids, names, a phone's digits: ILIKE '%...%') by trigram indexes, when the
    // server has pg_trgm (Debian's postgresql package does; it is a trusted extension, so the database's
    // owner may create it). Without it the search scans, slower but right: the step still succeeds.
    "DO $$ BEGIN"
    " IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN"
    "  BEGIN"
    "   CREATE EXTENSION IF NOT EXISTS pg_trgm;"
    "  EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'pg_trgm not created: %', SQLERRM;"
    "  END;"
    " END IF;"
    " IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN"
    "  CREATE INDEX leads_search_order_id ON leads USING gin (order_id gin_trgm_ops);"
    "  CREATE INDEX leads_search_network_id ON leads USING gin (network_order_id gin_trgm_ops);"
    "  CREATE INDEX leads_search_name ON leads USING gin (name gin_trgm_ops);"
    "  CREATE INDEX leads_search_phone ON leads USING gin (phone gin_trgm_ops);"
    " END IF;"
    " END $$",
};

// Version 3: one refresh for the whole team (TeamRefresh). The workstation holding an account's refresh
// lease (TeamRefreshLease: a session-level advisory lock) asks list.json about every open lead of the
// account and writes the answers, though row-level security lets an operator's login see and write only
// its own workstations' rows. Two narrow SECURITY DEFINER functions do that and nothing more: they work
// only for the session holding the lease of that account, list only order ids (no customer data), and
// move an outcome only forward (the same rule as TeamPusher's upsert and the local merge), with its
// history. Self-contained: a renumbered step still works.
const char *const version3[] = {
    "CREATE FUNCTION cpadesk_holds_refresh_lease(p_account text) RETURNS boolean"
    " LANGUAGE sql STABLE SET search_path = pg_catalog AS"
    " $$ SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND pid = pg_backend_pid() AND classid = 7336::oid AND objid = hashtext(p_account)::oid"
    " AND objsubid = 2) $$",
    "CREATE FUNCTION cpadesk_open_team_leads(p_account text) RETURNS SETOF text"
    " LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$ BEGIN"
    " IF NOT cpadesk_holds_refresh_lease(p_account) THEN"
    "  RAISE EXCEPTION 'this session does not hold the refresh lease of %', p_account USING ERRCODE = "
    "'42501';"
    " END IF;"
    " RETURN QUERY SELECT l.order_id FROM public.leads l WHERE l.account = p_account AND NOT l.is_final"
    "  AND l.send_state IN ('sent', 'external') ORDER BY l.created_at;"
    " END $$",
    "CREATE FUNCTION cpadesk_record_status(p_account text, p_order_id text, p_stage text, p_status integer,"
    " p_reason integer, p_progress integer, p_final boolean, p_changed_ms bigint) RETURNS boolean"
    " LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$"
    " DECLARE old public.leads%ROWTYPE; at timestamptz := to_timestamp(p_changed_ms / 1000.0); BEGIN"
    " IF NOT cpadesk_holds_refresh_lease(p_account) THEN"
    "  RAISE EXCEPTION 'this session does not hold the refresh lease of %', p_account USING ERRCODE = "
    "'42501';"
    " END IF;"
    " SELECT * INTO old FROM public.leads WHERE account = p_account AND order_id = p_order_id FOR UPDATE;"
    " IF NOT FOUND OR (old.stage, old.status, old.reason) IS NOT DISTINCT FROM (p_stage, p_status, p_reason)"
    "  THEN RETURN false; END IF;"
    // StatusProgress::mayReplace, as in TeamPusher's upsert.
    " IF NOT ((old.progress = 9 AND p_progress = 9)"
    "  OR (old.progress < 9 AND (p_progress >= old.progress OR p_progress = -1))) THEN RETURN false; END IF;"
    " UPDATE public.leads SET stage = p_stage, status = p_status, reason = p_reason, progress = p_progress,"
    "  is_final = p_final, status_changed_at = at, updated_at = now()"
    "  WHERE account = p_account AND order_id = p_order_id;"
    " INSERT INTO public.status_history (account, order_id, changed_at, stage, status, reason,"
    "  previous_stage, previous_status, workstation_id) VALUES (p_account, p_order_id, at, p_stage, p_status,"
    "  p_reason, old.stage, old.status, old.workstation_id) ON CONFLICT DO NOTHING;"
    " RETURN true;"
    " END $$",
    "REVOKE ALL ON FUNCTION cpadesk_open_team_leads(text) FROM PUBLIC",
    "REVOKE ALL ON FUNCTION cpadesk_record_status(text, text, text, integer, integer, integer, boolean, "
    "bigint)"
    " FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION cpadesk_open_team_leads(text) TO cpadesk_operator",
    "GRANT EXECUTE ON FUNCTION cpadesk_record_status(text, text, text, integer, integer, integer, boolean,"
    " bigint) TO cpadesk_operator",
};

// Version 4: the workstation numbers that go into our order ids (OrderIdGenerator's node), claimed once
// by each workstation (TeamNodeClaim). The primary key is the guarantee: no two workstations sharing
// this database hold the same node, so their order ids never meet, whichever accounts they send for. A
// node belongs to the workstation, not to an account, because the journal keeps one node for all its
// profiles. An operator's login may claim (insert) only for its own workstations and sees only those
// claims: to find a free node it tries, and a conflict says "taken". Claims are never updated or freed
// (a node freed and taken again could repeat ids its first holder issued).
const char *const version4[] = {
    "CREATE TABLE order_id_nodes ("
    " node integer PRIMARY KEY CHECK (node BETWEEN 0 AND 2047),"
    " workstation_id text NOT NULL UNIQUE REFERENCES workstations,"
    " claimed_at timestamptz NOT NULL DEFAULT now())",
    "ALTER TABLE order_id_nodes ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY order_id_nodes_operator ON order_id_nodes TO cpadesk_operator"
    " USING (workstation_id IN (SELECT cpadesk_my_workstations()))"
    " WITH CHECK (workstation_id IN (SELECT cpadesk_my_workstations()))",
    "CREATE POLICY order_id_nodes_manager ON order_id_nodes FOR SELECT TO cpadesk_manager USING (true)",
    "GRANT SELECT ON order_id_nodes TO cpadesk_operator, cpadesk_manager",
    "GRANT INSERT (node, workstation_id) ON order_id_nodes TO cpadesk_operator",
};

// Version 5: a phone's digits found by an index made for them (TeamLeadsQuery::phoneSearchCondition).
// The trigram index finds "contains" poorly on phones: numbers of one country and operator share most
// of their trigrams, so on 1,000,000 leads "7900001" left 113,680 candidates to recheck for 10,000
// matches. Here every position of the phone is a lexeme (the 16 characters from there, at least 5), and
// a prefix search of the lexemes ('7900001':*) finds exactly the phones that contain the digits, with
// no recheck. Core PostgreSQL (tsvector), so it needs no extension. Sixteen characters hold any
// E.164 number; a longer search falls back to the trigram index.
const char *const version5[] = {
    "CREATE FUNCTION cpadesk_phone_suffixes(phone text) RETURNS tsvector"
    " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS"
    " $$ SELECT array_to_tsvector(ARRAY(SELECT substr(phone, n, 16)"
    " FROM generate_series(1, length(phone) - 4) AS n)) $$",
    "CREATE INDEX leads_search_phone_digits ON leads USING gin (cpadesk_phone_suffixes(phone))",
};

// Version 6: the network's own words for a lead's outcome (list.json "status_text", "reason_text",
// "stage_text", kept by the journal since its schema 6) and the network's comment on the lead (list.json
// "comment"), so that the manager's Team view reads "Особый статус 17" where the operator's own table
// does, and a team refresh hands them to every workstation. Never a credential: ReplyParser redacts the
// key from every word of a row before anything keeps it. '' for none (the columns are compared, and
// NULL would never be equal). The team refresh's writer (version 3) is replaced by one that also writes
// them, still only for the holder of the lease and still forward only; its first eight parameters are
// as before, so a call that gives no words still works (and leaves the words of an unchanged code as
// they were). Self-contained, like version 3.
const char *const version6[] = {
    "ALTER TABLE leads ADD COLUMN status_text text NOT NULL DEFAULT '',"
    " ADD COLUMN reason_text text NOT NULL DEFAULT '', ADD COLUMN stage_text text NOT NULL DEFAULT '',"
    " ADD COLUMN comment text NOT NULL DEFAULT ''",
    // Row-level security already keeps an operator's updates to its own workstations' rows.
    "GRANT UPDATE (status_text, reason_text, stage_text, comment) ON leads TO cpadesk_operator",
    // The Team view's Comment column sorts like the others: an index walk (see version 2).
    "CREATE INDEX leads_sort_comment ON leads (comment, account, order_id)",
    // Another parameter list is another function: the old one goes, or a call would be ambiguous.
    "DROP FUNCTION cpadesk_record_status(text, text, text, integer, integer, integer, boolean, bigint)",
    "CREATE FUNCTION cpadesk_record_status(p_account text, p_order_id text, p_stage text, p_status integer,"
    " p_reason integer, p_progress integer, p_final boolean, p_changed_ms bigint,"
    " p_status_text text DEFAULT '', p_reason_text text DEFAULT '', p_stage_text text DEFAULT '',"
    " p_comment text DEFAULT '') RETURNS boolean"
    " LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$"
    " DECLARE old public.leads%ROWTYPE; at timestamptz := to_timestamp(p_changed_ms / 1000.0);"
    " new_stage text; new_status_text text; new_reason_text text; new_stage_text text; new_comment text;"
    " BEGIN"
    " IF NOT cpadesk_holds_refresh_lease(p_account) THEN"
    "  RAISE EXCEPTION 'this session does not hold the refresh lease of %', p_account USING ERRCODE = "
    "'42501';"
    " END IF;"
    " SELECT * INTO old FROM public.leads WHERE account = p_account AND order_id = p_order_id FOR UPDATE;"
    " IF NOT FOUND THEN RETURN false; END IF;"
    // An answer without a stage (older engine builds, a status this version cannot derive one from)
    // keeps the stage known, as the journal's merge does.
    " new_stage := COALESCE(NULLIF(p_stage, ''), old.stage);"
    // The engine's words follow their code (StatusMerger's wordsAfter): a new code drops the words of
    // the old one unless it brings its own; the same code keeps them when the answer leaves them out. A
    // comment left out keeps the one known.
    " new_status_text := CASE WHEN p_status IS DISTINCT FROM old.status OR COALESCE(p_status_text, '') <> ''"
    "  THEN COALESCE(p_status_text, '') ELSE old.status_text END;"
    " new_reason_text := CASE WHEN p_reason IS DISTINCT FROM old.reason OR COALESCE(p_reason_text, '') <> ''"
    "  THEN COALESCE(p_reason_text, '') ELSE old.reason_text END;"
    " new_stage_text := CASE WHEN new_stage IS DISTINCT FROM old.stage OR COALESCE(p_stage_text, '') <> ''"
    "  THEN COALESCE(p_stage_text, '') ELSE old.stage_text END;"
    " new_comment := COALESCE(NULLIF(p_comment, ''), old.comment);"
    " IF (old.stage, old.status, old.reason, old.status_text, old.reason_text, old.stage_text, old.comment)"
    "  IS NOT DISTINCT FROM (new_stage, p_status, p_reason, new_status_text, new_reason_text, new_stage_text,"
    "  new_comment) THEN RETURN false; END IF;"
    // StatusProgress::mayReplace, as in TeamPusher's upsert.
    " IF NOT ((old.progress = 9 AND p_progress = 9)"
    "  OR (old.progress < 9 AND (p_progress >= old.progress OR p_progress = -1))) THEN RETURN false; END IF;"
    " UPDATE public.leads SET stage = new_stage, status = p_status, reason = p_reason, progress = p_progress,"
    "  is_final = p_final, status_text = new_status_text, reason_text = new_reason_text,"
    "  stage_text = new_stage_text, comment = new_comment, status_changed_at = at, updated_at = now()"
    "  WHERE account = p_account AND order_id = p_order_id;"
    " INSERT INTO public.status_history (account, order_id, changed_at, stage, status, reason,"
    "  previous_stage, previous_status, workstation_id)"
    "  VALUES (p_account, p_order_id, at, new_stage, p_status, p_reason, old.stage, old.status,"
    "  old.workstation_id) ON CONFLICT DO NOTHING;"
    " RETURN true;"
    " END $$",
    "REVOKE ALL ON FUNCTION cpadesk_record_status(text, text, text, integer, integer, integer, boolean, "
    "bigint, text, text, text, text) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION cpadesk_record_status(text, text, text, integer, integer, integer, boolean,"
    " bigint, text, text, text, text) TO cpadesk_operator",
};

// Version 7: which transaction last wrote each lead, for the catch-up of a workstation that starts
// sharing (TeamSync, TeamCatchUpMark): it reads the leads written by transactions at or after the
// horizon of its last complete read, through the index, instead of every outcome of its account. Set by
// a trigger, so every writer (TeamPusher's upsert, cpadesk_record_status, a hand-written UPDATE) stamps
// it; txid_current() is the 64-bit id (with its epoch), which never wraps. Rows from before read as 0:
// older than any horizon, and read by a workstation's first catch-up anyway. Self-contained: a
// renumbered step still works.
const char *const version7[] = {
    "ALTER TABLE leads ADD COLUMN changed_xid bigint NOT NULL DEFAULT 0",
    "CREATE FUNCTION cpadesk_stamp_lead_xid() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN NEW.changed_xid := txid_current(); RETURN NEW; END $$",
    "CREATE TRIGGER leads_stamp_xid BEFORE INSERT OR UPDATE ON leads"
    " FOR EACH ROW EXECUTE FUNCTION cpadesk_stamp_lead_xid()",
    "CREATE INDEX leads_by_changed_xid ON leads (account, changed_xid)",
};

// Version 8: the team refresh's writer trusts nothing of its caller but the network's answer. Until
// now it took the lead's progress and finality from the caller, so a login holding the lease (any
// operator's may take it while nobody holds it) could move another operator's lead backwards with a
// progress of -1 or make it final with a 9, and it wrote for any account. Now:
//  - the order of outcomes is SQL's own: cpadesk_status_progress / cpadesk_is_final_status /
//    cpadesk_may_replace mirror StatusProgress::rank / isFinal / mayReplace (tst_teamschema compares
//    them over every stage word and status), and the writer compares the lead as stored with the answer;
//  - the lease holder reads and writes an account only if its login has a workstation with a lead in it;
//  - one call writes a whole round's batch (a jsonb array of rows): the lease (pg_locks) and the account
//    are checked once per call instead of once per lead, which let only ~25 outcomes/s through while 50
//    workstations pushed (docs/PERFORMANCE.md);
//  - every history row says which login wrote it (recorded_by, set by a trigger: not forgeable).
// The words rules of version 6 are kept. Self-contained, like version 3.
const char *const version8[] = {
    "CREATE FUNCTION cpadesk_status_rank(p_status integer) RETURNS integer LANGUAGE sql IMMUTABLE AS"
    " $$ SELECT CASE WHEN p_status = 1 THEN 0 WHEN p_status IN (2, 3, 4) THEN 1 WHEN p_status = 6 THEN 2"
    " WHEN p_status = 7 THEN 3 WHEN p_status = 8 THEN 4 WHEN p_status = 9 THEN 5"
    " WHEN p_status IN (5, 10, 11, 12) THEN 9 ELSE -1 END $$",
    // "wait" holds New as well as Processing and Callback, which move to and from "hold" freely.
    "CREATE FUNCTION cpadesk_stage_rank(p_stage text) RETURNS integer LANGUAGE sql IMMUTABLE AS"
    " $$ SELECT CASE WHEN p_stage IN ('wait', 'hold') THEN 1 WHEN p_stage = 'approve' THEN 2"
    " WHEN p_stage IN ('cancel', 'trash') THEN 9 ELSE -1 END $$",
    "CREATE FUNCTION cpadesk_is_final_status(p_stage text, p_status integer) RETURNS boolean"
    " LANGUAGE sql IMMUTABLE AS"
    " $$ SELECT COALESCE(p_stage IN ('cancel', 'trash'), false) OR COALESCE(p_status IN (5, 10, 11, 12), "
    "false)"
    " $$",
    "CREATE FUNCTION cpadesk_status_progress(p_stage text, p_status integer) RETURNS integer"
    " LANGUAGE sql IMMUTABLE AS"
    " $$ SELECT CASE WHEN public.cpadesk_is_final_status(p_stage, p_status) THEN 9"
    " WHEN public.cpadesk_status_rank(p_status) <> -1 THEN public.cpadesk_status_rank(p_status)"
    " ELSE public.cpadesk_stage_rank(p_stage) END $$",
    "CREATE FUNCTION cpadesk_may_replace(p_current_stage text, p_current_status integer, p_stage text,"
    " p_status integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS"
    " $$ SELECT CASE"
    " WHEN public.cpadesk_is_final_status(p_current_stage, p_current_status)"
    "  THEN public.cpadesk_is_final_status(p_stage, p_status)"
    " WHEN public.cpadesk_is_final_status(p_stage, p_status) THEN true"
    " WHEN public.cpadesk_status_rank(p_current_status) <> -1 AND public.cpadesk_status_rank(p_status) <> -1"
    "  THEN public.cpadesk_status_rank(p_status) >= public.cpadesk_status_rank(p_current_status)"
    // A status code this version does not know (or none): the stages are all there is to compare.
    " WHEN public.cpadesk_stage_rank(p_current_stage) = -1 OR public.cpadesk_stage_rank(p_stage) = -1"
    "  THEN true"
    " ELSE public.cpadesk_stage_rank(p_stage) >= public.cpadesk_stage_rank(p_current_stage) END $$",
    // Who wrote each change: NULL for the rows from before (unknown), the writer's login from now on,
    // whatever an INSERT says.
    "ALTER TABLE status_history ADD COLUMN recorded_by name",
    "CREATE FUNCTION cpadesk_stamp_history_login() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN NEW.recorded_by := session_user; RETURN NEW; END $$",
    "CREATE TRIGGER status_history_stamp_login BEFORE INSERT OR UPDATE ON status_history"
    " FOR EACH ROW EXECUTE FUNCTION cpadesk_stamp_history_login()",
    // Whether this session's login has a workstation with a lead in the account: only then may it
    // refresh the account for the team.
    "CREATE FUNCTION cpadesk_serves_account(p_account text) RETURNS boolean"
    " LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS"
    " $$ SELECT EXISTS (SELECT 1 FROM public.leads WHERE account = p_account"
    " AND workstation_id IN (SELECT public.cpadesk_my_workstations())) $$",
    "REVOKE ALL ON FUNCTION cpadesk_serves_account(text) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION cpadesk_serves_account(text) TO cpadesk_operator",
    // The same signature as version 3's: its grants stay.
    "CREATE OR REPLACE FUNCTION cpadesk_open_team_leads(p_account text) RETURNS SETOF text"
    " LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$ BEGIN"
    " IF NOT public.cpadesk_holds_refresh_lease(p_account) THEN"
    "  RAISE EXCEPTION 'this session does not hold the refresh lease of %', p_account USING ERRCODE = "
    "'42501';"
    " END IF;"
    " IF NOT public.cpadesk_serves_account(p_account) THEN"
    "  RAISE EXCEPTION 'this login has no workstation with a lead of %', p_account USING ERRCODE = '42501';"
    " END IF;"
    " RETURN QUERY SELECT l.order_id FROM public.leads l WHERE l.account = p_account AND NOT l.is_final"
    "  AND l.send_state IN ('sent', 'external') ORDER BY l.created_at;"
    " END $$",
    // The per-lead writer goes: nothing may call it with a progress of its own any more.
    "DROP FUNCTION cpadesk_record_status(text, text, text, integer, integer, integer, boolean, bigint, text,"
    " text, text, text)",
    // p_rows: [{"order_id", "stage", "status", "reason", "status_text", "reason_text", "stage_text",
    // "comment"}, ...], in the order the answers came (a lead named twice moves twice, as in the journal's
    // merge). Any other key (a "progress" or "is_final" of the caller's) is ignored. Returns how many
    // leads moved on.
    "CREATE FUNCTION cpadesk_record_statuses(p_account text, p_changed_ms bigint, p_rows jsonb)"
    " RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$"
    " DECLARE r record; old public.leads%ROWTYPE; at timestamptz := to_timestamp(p_changed_ms / 1000.0);"
    " new_stage text; new_status_text text; new_reason_text text; new_stage_text text; new_comment text;"
    " changed integer := 0;"
    " BEGIN"
    " IF NOT public.cpadesk_holds_refresh_lease(p_account) THEN"
    "  RAISE EXCEPTION 'this session does not hold the refresh lease of %', p_account USING ERRCODE = "
    "'42501';"
    " END IF;"
    " IF NOT public.cpadesk_serves_account(p_account) THEN"
    "  RAISE EXCEPTION 'this login has no workstation with a lead of %', p_account USING ERRCODE = '42501';"
    " END IF;"
    " FOR r IN SELECT x.order_id, COALESCE(x.stage, '') AS stage, COALESCE(x.status, 0) AS status,"
    "  COALESCE(x.reason, 0) AS reason, COALESCE(x.status_text, '') AS status_text,"
    "  COALESCE(x.reason_text, '') AS reason_text, COALESCE(x.stage_text, '') AS stage_text,"
    "  COALESCE(x.comment, '') AS comment"
    "  FROM jsonb_to_recordset(p_rows) AS x(order_id text, stage text, status integer, reason integer,"
    "  status_text text, reason_text text, stage_text text, comment text) LOOP"
    "  SELECT * INTO old FROM public.leads WHERE account = p_account AND order_id = r.order_id FOR UPDATE;"
    "  CONTINUE WHEN NOT FOUND;"
    // StatusProgress::mayReplace of the lead as stored and the answer as it came (StatusMerger's rule).
    "  CONTINUE WHEN NOT public.cpadesk_may_replace(old.stage, old.status, r.stage, r.status);"
    // An answer without a stage (older engine builds, a status this version cannot derive one from)
    // keeps the stage known, as the journal's merge does.
    "  new_stage := COALESCE(NULLIF(r.stage, ''), old.stage);"
    // The engine's words follow their code (StatusMerger's wordsAfter): a new code drops the words of
    // the old one unless it brings its own; the same code keeps them when the answer leaves them out. A
    // comment left out keeps the one known.
    "  new_status_text := CASE WHEN r.status IS DISTINCT FROM old.status OR r.status_text <> ''"
    "   THEN r.status_text ELSE old.status_text END;"
    "  new_reason_text := CASE WHEN r.reason IS DISTINCT FROM old.reason OR r.reason_text <> ''"
    "   THEN r.reason_text ELSE old.reason_text END;"
    "  new_stage_text := CASE WHEN new_stage IS DISTINCT FROM old.stage OR r.stage_text <> ''"
    "   THEN r.stage_text ELSE old.stage_text END;"
    "  new_comment := COALESCE(NULLIF(r.comment, ''), old.comment);"
    "  CONTINUE WHEN (old.stage, old.status, old.reason, old.status_text, old.reason_text, old.stage_text,"
    "   old.comment) IS NOT DISTINCT FROM (new_stage, r.status, r.reason, new_status_text, new_reason_text,"
    "   new_stage_text, new_comment);"
    "  UPDATE public.leads SET stage = new_stage, status = r.status, reason = r.reason,"
    "   progress = public.cpadesk_status_progress(new_stage, r.status),"
    "   is_final = public.cpadesk_is_final_status(new_stage, r.status), status_text = new_status_text,"
    "   reason_text = new_reason_text, stage_text = new_stage_text, comment = new_comment,"
    "   status_changed_at = at, updated_at = now()"
    "   WHERE account = p_account AND order_id = r.order_id;"
    "  INSERT INTO public.status_history (account, order_id, changed_at, stage, status, reason,"
    "   previous_stage, previous_status, workstation_id)"
    "   VALUES (p_account, r.order_id, at, new_stage, r.status, r.reason, old.stage, old.status,"
    "   old.workstation_id) ON CONFLICT DO NOTHING;"
    "  changed := changed + 1;"
    " END LOOP;"
    " RETURN changed;"
    " END $$",
    "REVOKE ALL ON FUNCTION cpadesk_record_statuses(text, bigint, jsonb) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION cpadesk_record_statuses(text, bigint, jsonb) TO cpadesk_operator",
};

template <std::size_t N> QStringList toList(const char *const (&statements)[N])
{
    QStringList list;
    for (const char *statement : statements)
        list.append(QLatin1String(statement));
    return list;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("TeamSchema", text);
}

// Any transaction that creates or upgrades the schema takes this lock first (a constant key).
const char *const MigrationLock = "SELECT pg_advisory_xact_lock(7336201905)";

bool isPrivilegeError(const QSqlError &error)
{
    // 42501 insufficient_privilege; 42704 undefined_object (the roles are missing).
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("42501");
}

} // namespace

QStringList TeamSchema::stepStatements(int version)
{
    switch (version) {
    case 1:
        return toList(version1);
    case 2:
        return toList(version2);
    case 3:
        return toList(version3);
    case 4:
        return toList(version4);
    case 5:
        return toList(version5);
    case 6:
        return toList(version6);
    case 7:
        return toList(version7);
    case 8:
        return toList(version8);
    default:
        return {};
    }
}

int TeamSchema::storedVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    // The catalog read through a query (a fresh snapshot), not to_regclass(): its cache may not yet know
    // of a table another client committed while this one waited for the migration lock.
    if (!query.exec(QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid ="
            " c.relnamespace WHERE c.relname = 'cpadesk_schema' AND n.nspname = current_schema())")) ||
        !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT version FROM cpadesk_schema")) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

namespace {

// The CPA Desk tables' owner as the catalog says (cpadesk_schema's: the migrations create every table
// in one transaction, by one account).
const char *const SchemaTable = "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                " WHERE c.relname = 'cpadesk_schema' AND n.nspname = current_schema()";

} // namespace

QString TeamSchema::ownerName(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT pg_get_userbyid(c.relowner) ") + QLatin1String(SchemaTable)) ||
        !query.next())
        return QString();
    return query.value(0).toString();
}

bool TeamSchema::mayUpgrade(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT pg_has_role(session_user, c.relowner, 'USAGE')"
                                   " AND has_schema_privilege(n.oid, 'CREATE') ") +
                    QLatin1String(SchemaTable)) ||
        !query.next())
        return false;
    return query.value(0).toBool();
}

TeamSchema::Result TeamSchema::prepare(QSqlDatabase &db)
{
    Result result;
    QString error;
    result.storedVersion = storedVersion(db, &error);
    if (result.storedVersion < 0) {
        result.message = tr("The team database could not be read: %1").arg(error);
        return result;
    }
    auto newer = [&result]() {
        result.outcome = Outcome::NewerThanApp;
        result.message = tr("The team database was set up by a newer version of CPA Desk (schema %1, this "
                            "version knows %2). Update CPA Desk on this workstation; the database was "
                            "left as it is.")
                             .arg(result.storedVersion)
                             .arg(CurrentVersion);
        return result;
    };
    if (result.storedVersion > CurrentVersion)
        return newer();
    if (result.storedVersion == CurrentVersion) {
        result.outcome = Outcome::Ready;
        return result;
    }

    if (!db.transaction()) {
        result.message = tr("The team database could not be read: %1").arg(db.lastError().text());
        return result;
    }
    QSqlQuery query(db);
    auto fail = [&](const QSqlError &sqlError, int version) {
        query.finish();
        db.rollback();
        if (isPrivilegeError(sqlError) && result.storedVersion > 0) {
            // Only the tables' owner may upgrade them (indexes, policies, functions on its tables).
            result.outcome = Outcome::NotInstalled;
            result.message =
                tr("The team database is at schema version %1; this version of CPA Desk needs %2 "
                   "and upgrades it when it connects with the account that owns the tables "
                   "(\"%3\"), which this account is not. Ask your IT to run CPA Desk once with "
                   "that account (see docs/TEAM.md); until then leads wait on this workstation.")
                    .arg(result.storedVersion)
                    .arg(CurrentVersion)
                    .arg(ownerName(db));
        } else if (isPrivilegeError(sqlError)) {
            result.outcome = Outcome::NotInstalled;
            result.message = tr("The team database has no CPA Desk tables (schema %1 is needed), and this "
                                "account may not create them. Ask your IT to run CPA Desk once with the "
                                "database owner's account (see docs/TEAM.md).")
                                 .arg(CurrentVersion);
        } else {
            result.message =
                tr("Upgrading the team database to schema %1 failed: %2").arg(version).arg(sqlError.text());
        }
        qCWarning(lcTeam) << "team schema not prepared:" << sqlError.text();
        return result;
    };
    if (!query.exec(QLatin1String(MigrationLock)))
        return fail(query.lastError(), result.storedVersion + 1);
    // Another client may have done it while we waited for the lock.
    const int stored = storedVersion(db, &error);
    if (stored < 0) {
        db.rollback();
        result.message = tr("The team database could not be read: %1").arg(error);
        return result;
    }
    result.storedVersion = stored;
    if (stored > CurrentVersion) {
        db.rollback();
        return newer();
    }
    for (int version = stored + 1; version <= CurrentVersion; ++version) {
        const QStringList statements = stepStatements(version);
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return fail(query.lastError(), version);
        }
    }
    if (!query.exec(QStringLiteral("UPDATE cpadesk_schema SET version = %1").arg(CurrentVersion)))
        return fail(query.lastError(), CurrentVersion);
    query.finish();
    if (!db.commit()) {
        result.message = tr("Upgrading the team database to schema %1 failed: %2")
                             .arg(CurrentVersion)
                             .arg(db.lastError().text());
        db.rollback();
        return result;
    }
    qCInfo(lcTeam) << "team schema upgraded from" << stored << "to" << CurrentVersion;
    result.storedVersion = CurrentVersion;
    result.outcome = Outcome::Ready;
    return result;
}
