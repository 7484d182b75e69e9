import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskActorName, maskDetails, maskIp } from './audit-mask.ts';

test('IPv4 loses its last octet, IPv6 keeps its first three groups', () => {
  assert.equal(maskIp('203.0.113.45'), '203.0.113.x');
  assert.equal(maskIp('::ffff:10.1.2.3'), '::ffff:10.1.2.x');
  assert.equal(maskIp('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3::x');
  assert.equal(maskIp('2001:DB8::1'), '2001:db8:0::x');
  assert.equal(maskIp('::1'), '0:0:0::x');
  assert.equal(maskIp('fe80::1%eth0'), 'fe80:0:0::x');
  assert.equal(maskIp('not an address'), 'x');
  assert.equal(maskIp('1:2:3:4:5:6:7:8:9'), 'x', 'nine groups is not IPv6');
  assert.equal(maskIp(null), null);
});

test("citizens' names keep their first character; staff and clients are shown", () => {
  assert.equal(maskActorName('citizen', '林美玲'), '林***');
  assert.equal(maskActorName('citizen', 'lin.mei'), 'l***');
  assert.equal(maskActorName('staff', 'clerk-1'), 'clerk-1');
  assert.equal(maskActorName('client', 'tax-bureau'), 'tax-bureau');
});

test('details: ID numbers masked whole, name-like keys to a first character, at any depth', () => {
  assert.deepEqual(
    maskDetails({
      householdId: 'h-1',
      name: '林美玲',
      idNumber: 'A123456789',
      members: [{ displayName: '林小宇', id_number: 'E111111111', age: 16 }],
      change: { nameZh: '新名', count: 2, username: null, names: ['a', 'b'] },
    }),
    {
      householdId: 'h-1',
      name: '林***',
      idNumber: '***',
      members: [{ displayName: '林***', id_number: '***', age: 16 }],
      change: { nameZh: '新***', count: 2, username: null, names: '***' },
    },
  );
  assert.deepEqual(maskDetails({}), {});
  assert.equal(maskDetails('plain'), 'plain');
});
