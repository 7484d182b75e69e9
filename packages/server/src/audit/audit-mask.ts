/**
 * What an auditor sees of an audit entry: who did what is shown, personal data is not. IP addresses
 * keep only their network part, citizens' account names their first character, and in the details any
 * ID number is masked whole and any name-like key to its first character, at every depth (details
 * should hold neither; this makes sure).
 */

const MASK = '***';

/** IPv4: the last octet becomes x. IPv6: the first three groups are kept. Anything else: `x`. */
export function maskIp(ip: string | null): string | null {
  if (ip === null || ip === '') return ip;
  const v4 = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/.exec(ip);
  if (v4) return `${v4[1]}.x`;
  const mapped = /^(::ffff:)(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (mapped) return `${mapped[1]}${mapped[2]}.x`;
  const groups = expandIpv6(ip.split('%')[0] ?? '');
  return groups ? `${groups.slice(0, 3).join(':')}::x` : 'x';
}

/** The eight groups of an IPv6 address (`::` expanded), or undefined if it is not one. */
function expandIpv6(ip: string): string[] | undefined {
  if (!/^[0-9a-f:]+$/i.test(ip) || ip.split('::').length > 2) return undefined;
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups.map((g) => g.toLowerCase()) : undefined;
}

/** A citizen's account name: its first character and `***`; staff and clients are shown as they are. */
export function maskActorName(actorKind: string, name: string): string {
  if (actorKind !== 'citizen') return name;
  const first = Array.from(name)[0] ?? '';
  return `${first}${MASK}`;
}

const ID_NUMBER_KEY = /id_?number/i;
const NAME_KEY = /name/i;

/** Details with ID numbers masked whole and name-like keys to their first character, at any depth. */
export function maskDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDetails);
  if (value === null || typeof value !== 'object') return value;
  const masked: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === null) masked[key] = null;
    else if (ID_NUMBER_KEY.test(key)) masked[key] = MASK;
    else if (!NAME_KEY.test(key)) masked[key] = maskDetails(inner);
    else masked[key] = typeof inner === 'string' && inner ? `${Array.from(inner)[0]}${MASK}` : MASK;
  }
  return masked;
}
