// `npm run db:generate-load`: a province's worth of history in a PostgreSQL database of its own
// (LOAD_DATABASE_URL, default .../onewindow_load, dropped and made afresh): the demo's centers
// and accounts, 88 more centers across three regions, LOAD_CASES cases (1,000,000) with their
// parties, clocks, decisions, panels, visits, agreements, closures and ratings over two years,
// and ten timeline events each (10,000,000). Written set-wise by `generate_series` on two
// connections at once, with triggers and foreign-key checks off for the load (the values are
// consistent by construction); the dashboard's rollup is then derived once for every case by
// the same statement the app refreshes it with. The dashboard benchmark runs on this database.
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { rebuildCaseFacts } from '../../server/services/case-facts';

export const loadDatabaseUrl = process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/onewindow_load';
const eventsPerCase = 10;
const loadedTables = ['cases', 'case_parties', 'case_clocks', 'timeline_events', 'panel_members', 'case_visits', 'agreements', 'case_closures', 'ratings'];
const staffPerCenter = 4;

/** What a finished load left in its database: the benchmark reuses a load whose size matches. */
export async function loadedSize(url = loadDatabaseUrl): Promise<{ cases: number; events: number } | null> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await client`select cases, events from load_info`;
    return row ? { cases: Number(row.cases), events: Number(row.events) } : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

export async function generateLoad(cases: number, url = loadDatabaseUrl, log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const step = (what: string) => log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unusable database name: ${name}`);
  const admin = postgres({ ...connectionOf(url), database: 'postgres', max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();

  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  step('migrated, demo seeded');

  const sessions = [0, 1].map(() => postgres(url, { max: 1, onnotice: () => {} }));
  const [a, b] = sessions as [postgres.Sql, postgres.Sql];
  try {
    await a.unsafe(setupSql(cases));
    step('centers, staff and generator functions');
    // Triggers (the facts' marks, the audit chain) and foreign-key checks off, for this load only;
    // the indexes are built once afterwards, from sorted data, instead of row by row.
    await Promise.all(sessions.map((s) => s.unsafe(`set session_replication_role = replica; set synchronous_commit = off; set maintenance_work_mem = '512MB'`)));
    const indexes = await a<{ name: string; definition: string }[]>`
      select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = 'public' and i.tablename in ${a(loadedTables)}
        and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`;
    await a.unsafe(indexes.map((i) => `drop index "${i.name}";`).join('\n'));
    await Promise.all([
      a.unsafe(timelineSql(0, 2)).then(() => step(`timeline events (first half)`)),
      b.unsafe(caseTablesSql).then(() => step('cases and what hangs on them')).then(() => b.unsafe(timelineSql(1, 2))).then(() => step('timeline events (second half)')),
    ]);
    // The big ones first, shared between the two sessions.
    const queue = [...indexes].sort((x, y) => Number(y.definition.includes('timeline_events')) - Number(x.definition.includes('timeline_events')));
    await Promise.all(
      sessions.map(async (session) => {
        for (let next = queue.shift(); next; next = queue.shift()) await session.unsafe(next.definition);
      }),
    );
    step(`${indexes.length} indexes built`);
    await Promise.all(sessions.map((s) => s`set session_replication_role = origin`));
    // Plans for the derivation need the statistics of what was just written.
    await a.unsafe('analyze');
    step('analyzed');
    await rebuildCaseFacts(handle.db);
    await a.unsafe('analyze case_facts');
    step('case facts derived');
    await a.unsafe(`drop schema load cascade`);
    await a`create table load_info as select ${cases}::int as cases, (select count(*) from timeline_events)::bigint as events, now() as finished_at`;
    const [counts] = await a`select (select count(*) from cases) as cases, (select count(*) from timeline_events) as events, (select count(*) from centers) as centers`;
    step(`done: ${counts!.cases} cases, ${counts!.events} timeline events, ${counts!.centers} centers`);
  } finally {
    await Promise.all(sessions.map((s) => s.end()));
    await handle.close();
  }
}

function connectionOf(url: string) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432), username: decodeURIComponent(u.username || 'postgres'), password: decodeURIComponent(u.password) || undefined };
}

/**
 * The centers (the demo's two and 88 more, 30 per region), four mediators each, and the
 * functions every table's generator shares, so that all of them agree on each case `g`: its
 * center, dates and fate are pure functions of `g`.
 */
function setupSql(cases: number) {
  return `
  create schema load;
  create table load.centers as
    select row_number() over (order by c.created_at, c.name) - 1 as idx, c.id, c.region_code from centers c;
  insert into centers (name, region_code, parent_region_code)
    select r.city_name || '第' || k || '社会治理中心', r.prefix || lpad((50 + k)::text, 2, '0'), r.parent
    from (values ('3304', '330400', '嘉兴'), ('3101', '310100', '上海'), ('3205', '320500', '苏州')) r(prefix, parent, city_name)
    cross join generate_series(1, case when r.parent = '320500' then 30 else 29 end) k;
  insert into load.centers select (select count(*) from load.centers) + row_number() over (order by c.region_code) - 1, c.id, c.region_code
    from centers c where c.id not in (select id from load.centers);
  create table load.staff as
    select lc.idx as center_idx, k, gen_random_uuid() as id from load.centers lc cross join generate_series(0, ${staffPerCenter - 1}) k;
  insert into users (id, role, center_id, username, display_name, password_hash, status)
    select s.id, 'mediator', lc.id, 'load-' || s.center_idx || '-' || s.k, '调解员' || s.center_idx || '-' || s.k, 'x', 'active'
    from load.staff s join load.centers lc on lc.idx = s.center_idx;
  create index on load.staff (center_idx, k);
  analyze load.centers; analyze load.staff;

  create function load.u(g bigint, salt int) returns float8 language sql immutable parallel safe
    as $$ select ((hashint8(g * 97 + salt) & 2147483647) % 1000000) / 1000000.0 $$;
  -- Each case g: its center, its dates over the two years before the load, and its fate.
  -- One case in twenty is the same person on the same matter as the case 90 before it (same center).
  create table load.fates as
    select g, md5('case' || g)::uuid as id, lc.id as center_id, reg as registered_at, decided as decided_at, closed as closed_at,
      case when fate = 'closed' and closed is null then 'mediating' else fate end as status,
      case when g > 90 and load.u(g, 5) < 0.05 then g - 90 else g end as person,
      case when load.u(g, 6) < 0.1 then 5 + (g % 8)::int else 1 end as applicants
    from generate_series(1, ${cases}) g
    join load.centers lc on lc.idx = g % 90
    cross join lateral (select date_trunc('hour', now()) - (load.u(g, 1) * 730 * 86400) * interval '1 second' as reg) f0
    cross join lateral (select
      -- A center concludes its cases within months: only those of the last four are still open.
      (select case when u < 0.91 and reg < now() - interval '120 days' and u >= 0.72 then 'closed'
        when u < 0.72 then 'closed' when u < 0.80 then 'mediating' when u < 0.83 then 'accepted' when u < 0.87 then 'performing'
        when u < 0.91 then 'declined' when u < 0.94 then 'transferred'
        when reg < now() - interval '120 days' then 'declined' else 'registered' end from (select load.u(g, 2) as u) x) as fate) f1
    cross join lateral (select case when fate <> 'registered' then reg + (load.u(g, 3) * 6 * 86400) * interval '1 second' end as decided) f2
    -- Closed within 75 days of the decision, or still open when that is past the load.
    cross join lateral (select case when fate = 'closed' and decided + (1 + load.u(g, 4) * 75) * interval '1 day' < now()
      then decided + (1 + load.u(g, 4) * 75) * interval '1 day' end as closed) f3;
  create index on load.fates (g);
  analyze load.fates;
  create table load.events as
    select k, case when k = 1 then 'registered' else 'note' end as kind, case when k = 1 then 'parties' else 'panel' end as visibility,
      case when k = 1 then '{"channel":"online","applicants":1,"evidence":0,"sourceAgency":null,"receivedAt":"2025-01-01T00:00:00Z","registeredFor":null}'::jsonb
        else jsonb_build_object('text', '第' || k || '次沟通记录', 'mentions', '[]'::jsonb, 'attachments', '[]'::jsonb) end as body
    from generate_series(1, ${eventsPerCase}) k;`;
}

const categories = `(array['labor_wages','neighbours','marriage_family','property_management','land_housing','consumer','medical','traffic','contract_debt','other'])`;
const channels = `(array['online','walk_in','hotline','letter','transfer','terminal'])`;
const levels = `(array['very_satisfied','satisfied','satisfied','basically_satisfied','very_satisfied','dissatisfied','very_dissatisfied'])`;

const caseTablesSql = `
  insert into cases (id, center_id, case_number, tracking_code, status, category, title, description, request, channel, track,
      amount_in_dispute, registered_at, received_at, decided_at, closed_at, outcome, created_at, updated_at)
    select f.id, f.center_id, 'LOAD-' || lpad(f.g::text, 9, '0'), substr(md5('t' || f.g), 1, 12),
      f.status,
      ${categories}[1 + (f.g / 7) % 10], '纠纷' || (f.g % 500), '负载数据', '', ${channels}[1 + (f.g / 3) % 6],
      case when f.status not in ('registered', 'declined', 'transferred') then (array['people_mediation','labor_mediation','petition'])[1 + f.g % 3] end,
      ((f.g % 50) * 1000)::numeric, f.registered_at, f.registered_at, f.decided_at, f.closed_at,
      case when f.closed_at is not null then (array['resolved','resolved','resolved','partly_resolved','terminated','legal_route'])[1 + (f.g / 11) % 6] end,
      f.registered_at, coalesce(f.closed_at, f.decided_at, f.registered_at)
    from load.fates f;
  insert into case_parties (id, center_id, case_id, role, kind, name, normalized_name, phone, claimed_amount, is_representative, position)
    select case when k = 1 then md5('applicant' || f.g)::uuid else gen_random_uuid() end, f.center_id, f.id, 'applicant', 'person',
      '申请人' || f.person || '-' || k, '申请人' || f.person || '-' || k,
      '139' || lpad((f.person * 10 + k)::text, 8, '0'), 1000, k = 1, k
    from load.fates f cross join lateral generate_series(1, f.applicants) k;
  insert into case_parties (center_id, case_id, role, kind, name, normalized_name, position)
    select f.center_id, f.id, 'respondent', 'organization', '被申请单位' || (f.person * 13) % 4000, '被申请单位' || (f.person * 13) % 4000, 100
    from load.fates f;
  insert into case_clocks (center_id, case_id, kind, start_at, days, unit, source, state, due_at, stopped_at, created_at)
    select f.center_id, f.id, 'acceptance', f.registered_at, 5, 'working', 'load', case when f.decided_at is null then 'running' else 'stopped' end,
      f.registered_at + interval '7 days', f.decided_at, f.registered_at
    from load.fates f;
  insert into case_clocks (center_id, case_id, kind, start_at, days, unit, source, state, due_at, stopped_at, created_at)
    select f.center_id, f.id, 'handling', f.decided_at, 60, 'calendar', 'load', case when f.closed_at is null then 'running' else 'stopped' end,
      f.decided_at + interval '60 days', f.closed_at, f.decided_at
    from load.fates f where f.status in ('closed', 'mediating', 'accepted', 'performing');
  insert into panel_members (center_id, case_id, user_id, is_lead, added_at)
    select f.center_id, f.id, s.id, true, f.decided_at
    from load.fates f join load.staff s on s.center_idx = f.g % 90 and s.k = (f.g / 90) % ${staffPerCenter}
    where f.status in ('closed', 'mediating', 'accepted', 'performing');
  insert into case_visits (center_id, case_id, visited_at, reason)
    select f.center_id, f.id, f.registered_at + k * interval '3 days', 'required'
    from load.fates f cross join lateral generate_series(1, case when load.u(f.g, 7) < 0.15 then 2 when load.u(f.g, 7) < 0.9 then 1 else 0 end) k;
  insert into agreements (center_id, case_id, number, kind, variant, state, effective_at, created_at)
    select f.center_id, f.id, 'LOAD-' || f.g, case when f.g % 10 < 7 then 'written' else 'oral' end, 'people', 'effective',
      coalesce(f.closed_at, now()) - interval '1 day', f.decided_at
    from load.fates f join cases c on c.id = f.id
    where c.outcome in ('resolved', 'partly_resolved') or c.status = 'performing';
  insert into case_closures (center_id, case_id, outcome, termination_kind, amount_claimed, amount_recovered, closed_at)
    select c.center_id, c.id, c.outcome, case when c.outcome = 'terminated' then (array['refused','ended_by_party','failed'])[1 + (f.g / 13) % 3] end,
      c.amount_in_dispute, case when c.outcome = 'resolved' then c.amount_in_dispute * 0.8 else 0 end, c.closed_at
    from load.fates f join cases c on c.id = f.id where c.closed_at is not null;
  insert into ratings (center_id, case_id, party_id, scope, level, channel, created_at)
    select f.center_id, f.id, md5('applicant' || f.g)::uuid, 'case', ${levels}[1 + (f.g / 17) % 7], 'portal', f.closed_at + interval '1 day'
    from load.fates f where f.closed_at is not null and f.closed_at < now() - interval '1 day' and load.u(f.g, 8) < 0.4;`;

/** Ten events per case, its registration first; `part` of `parts` of the cases by number. */
function timelineSql(part: number, parts: number) {
  return `
  insert into timeline_events (center_id, case_id, kind, visibility, body, created_at, actor_system)
    select f.center_id, f.id, e.kind, e.visibility, e.body, f.registered_at + (e.k - 1) * interval '2 days', 'load'
    from load.fates f cross join load.events e
    where f.g % ${parts} = ${part};`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await generateLoad(Number(process.env.LOAD_CASES ?? 1_000_000));
}
