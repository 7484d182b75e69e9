import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Actor, ANONYMOUS, type CitizenActor, ROLE_IDS, type StaffActor } from './actor.ts';
import { breakGlassExpiry, breakGlassReasonProblem } from './break-glass.ts';
import { PERMISSION_IDS, permits } from './policy.ts';
import { protectionAccess, type RecordReach, reaches, registryScope } from './scope.ts';

const LINGYA = '64000080';
const FENGSHAN = '64000120';

const staff = (role: StaffActor['role'], extra: Partial<StaffActor> = {}): StaffActor => ({
  kind: 'staff',
  id: `${role}-id`,
  name: role,
  role,
  districts: [],
  programs: [],
  teamId: null,
  intake: false,
  facilityRef: null,
  ...extra,
});
const citizen: CitizenActor = { kind: 'citizen', id: 'c1', name: 'citizen', role: 'citizen', personId: 'p1' };
const record = (extra: Partial<RecordReach> = {}): RecordReach => ({
  districts: [],
  caseloadWorkerIds: [],
  caseloadTeamIds: [],
  memberPersonIds: [],
  ...extra,
});

test('deny by default: anonymous holds only the public permissions', () => {
  const held = PERMISSION_IDS.filter((permission) => permits(ANONYMOUS, permission));
  assert.deepEqual(held, ['public:read', 'rules:read']);
});

test('no staff role but the clerk writes the registry; admin and statistician read no personal data', () => {
  for (const role of ROLE_IDS) {
    const actor: Actor = role === 'citizen' ? citizen : staff(role);
    assert.equal(permits(actor, 'registry:write'), role === 'district-clerk', role);
  }
  for (const role of ['admin', 'statistician', 'auditor', 'program-officer', 'provider'] as const) {
    for (const permission of [
      'registry:read',
      'registry:search',
      'eligibility:read',
      'protection:read',
    ] as const)
      assert.equal(permits(staff(role), permission), false, `${role} ${permission}`);
  }
  assert.equal(permits(staff('admin'), 'accounts:manage'), true);
  assert.equal(permits(staff('auditor'), 'audit:read'), true);
  assert.equal(permits(staff('admin'), 'audit:read'), false, 'admin sees no audit content');
});

test('a clerk reaches records of their own district only, through the same scope as lists', () => {
  const clerk = staff('district-clerk', { districts: [LINGYA] });
  const scope = registryScope(clerk, 'registry:read');
  assert.deepEqual(scope, { kind: 'districts', districts: [LINGYA] });
  assert.equal(reaches(scope, record({ districts: [LINGYA] })), true);
  assert.equal(reaches(scope, record({ districts: [FENGSHAN] })), false);
  assert.equal(reaches(scope, record({ districts: [FENGSHAN, LINGYA] })), true, 'moved between districts');
  assert.deepEqual(registryScope(staff('district-clerk'), 'registry:read'), { kind: 'none' }, 'no district');
});

test('a social worker reaches their caseload; a supervisor their team’s; a citizen their household', () => {
  const worker = staff('social-worker', { teamId: 't1' });
  const supervisor = staff('supervisor', { teamId: 't1' });
  const assigned = record({ caseloadWorkerIds: [worker.id], caseloadTeamIds: ['t1'] });
  const otherTeam = record({ caseloadWorkerIds: ['w9'], caseloadTeamIds: ['t2'] });
  assert.equal(reaches(registryScope(worker, 'registry:read'), assigned), true);
  assert.equal(reaches(registryScope(worker, 'registry:read'), otherTeam), false);
  assert.equal(reaches(registryScope(supervisor, 'registry:read'), assigned), true);
  assert.equal(reaches(registryScope(supervisor, 'registry:read'), otherTeam), false);
  assert.equal(
    reaches(registryScope(citizen, 'registry:read'), record({ memberPersonIds: ['p1', 'p2'] })),
    true,
  );
  assert.equal(reaches(registryScope(citizen, 'registry:read'), record({ memberPersonIds: ['p2'] })), false);
  assert.equal(reaches(registryScope(citizen, 'registry:write'), record({ memberPersonIds: ['p1'] })), false);
});

test('API clients: scopes decide the permission, districts the records', () => {
  const client: Actor = {
    kind: 'client',
    id: 'k1',
    name: 'labour-bureau',
    role: 'api-client',
    scopes: ['registry:read'],
    districts: [],
  };
  assert.equal(permits(client, 'registry:read'), true);
  assert.equal(permits(client, 'registry:write'), false);
  assert.equal(permits(client, 'statistics:read'), false);
  assert.deepEqual(registryScope(client, 'registry:read'), { kind: 'all' });
  assert.deepEqual(registryScope({ ...client, districts: [LINGYA] }, 'registry:read'), {
    kind: 'districts',
    districts: [LINGYA],
  });
});

test('protection cases are need-to-know; break-glass lasts until its expiry and no longer', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const worker = staff('social-worker', { teamId: 't1' });
  const intake = staff('social-worker', { id: 'intake-id', teamId: 't2', intake: true });
  const supervisor = staff('supervisor', { id: 'sup-id', teamId: 't1' });
  const outsider = staff('social-worker', { id: 'out-id', teamId: 't3' });
  const assigned = {
    status: 'assigned',
    assignedWorkerId: worker.id,
    assignedTeamId: 't1',
    breakGlassUntil: null,
  } as const;
  const reported = {
    status: 'reported',
    assignedWorkerId: null,
    assignedTeamId: null,
    breakGlassUntil: null,
  } as const;
  assert.equal(protectionAccess(worker, assigned, now), 'assigned');
  assert.equal(protectionAccess(supervisor, assigned, now), 'supervisor');
  assert.equal(protectionAccess(intake, assigned, now), null, 'intake only while the report is new');
  assert.equal(protectionAccess(intake, reported, now), 'intake');
  assert.equal(protectionAccess(outsider, assigned, now), null);
  assert.equal(protectionAccess(staff('district-clerk', { districts: [LINGYA] }), reported, now), null);
  const until = breakGlassExpiry(new Date('2026-11-24T09:45:00Z'));
  assert.equal(protectionAccess(outsider, { ...assigned, breakGlassUntil: until }, now), 'break-glass');
  assert.equal(protectionAccess(outsider, { ...assigned, breakGlassUntil: until }, until), null, 'expired');
  assert.ok(breakGlassReasonProblem('看看'));
  assert.equal(breakGlassReasonProblem('兒少緊急安置，需確認過往通報紀錄'), null);
});

test('eligibility certificates: a citizen issues their own; the citizen or a clerk revokes; anyone checks', () => {
  for (const role of ROLE_IDS) {
    const actor: Actor = role === 'citizen' ? citizen : staff(role);
    assert.equal(permits(actor, 'certificates:self'), role === 'citizen', role);
    assert.equal(
      permits(actor, 'certificates:revoke'),
      role === 'citizen' || role === 'district-clerk',
      role,
    );
  }
  assert.equal(permits(ANONYMOUS, 'certificates:self'), false);
  assert.equal(permits(ANONYMOUS, 'certificates:revoke'), false);
  assert.equal(permits(ANONYMOUS, 'public:read'), true, 'the verification page is public');
});
