import { userInfo } from 'node:os';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import type { AuditContext } from './audit-log.ts';

/**
 * Who acts when a command is run from the command line (an import, an export): the operating-system user
 * on the server, as the audit log names them. The command line is for operators with access to the server
 * and its keys; the API is for everyone else.
 */
export function operatorContext(purpose: string): AuditContext {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No user entry (some containers): the log still says it was the command line.
  }
  return { actor: { ...ANONYMOUS, name: `cli:${user}` }, ip: null, purpose };
}
