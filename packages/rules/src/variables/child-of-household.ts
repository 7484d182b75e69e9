import type { ProgramContext } from '../engine/context.ts';
import { NO_DAY } from '../engine/fact-spec.ts';
import { ROLES } from '../engine/population.ts';

const CHILD = ROLES.indexOf('child');

/** 1 for a member with the role `child` (子女 of the household), 0 otherwise; computed once. */
export function childOfHousehold(ctx: ProgramContext): Uint8Array {
  return ctx.variable('child-of-household', () => {
    const role = ctx.persons.role;
    const child = ctx.newUint8Array(role.length);
    for (let i = 0; i < role.length; i++) child[i] = +(role[i] === CHILD);
    return child;
  });
}

/** 1 for a person who has joined an asset-building account programme (`assetAccountSince` given). */
export function joinedAssetAccount(ctx: ProgramContext): Uint8Array {
  return ctx.variable('joined-asset-account', () => {
    const since = ctx.persons.assetAccountSince;
    const joined = ctx.newUint8Array(since.length);
    for (let i = 0; i < since.length; i++) joined[i] = +(since[i] !== NO_DAY);
    return joined;
  });
}
