/**
 * The problems the student's side of the classroom finds on its own (problems.ts lists every code): the join
 * form's checks (the server's own rules), attempts still waiting, an unreadable saved record, storage refused.
 * Each carries an English sentence for logs and tests; the class screen shows its code in the player's language.
 */
import { checkNickname, isJoinCode, JOIN_CODE_PROBLEM, normalizeJoinCode } from '../../shared/classroom/names';
import type { ClassProblem } from '../../shared/classroom/problems';
import type { OutboxItem } from './saved-class';

/** The join form's checks, the same the server makes: null when both look right. */
export function checkJoinForm(code: string, nickname: string): ClassProblem | null {
  if (!isJoinCode(normalizeJoinCode(code))) return { ...JOIN_CODE_PROBLEM };
  const nick = checkNickname(nickname);
  if (nick.ok) return null;
  return { code: nick.code, ...(nick.params ? { params: nick.params } : {}), message: nick.problem };
}

/** Joining another class, or leaving, while `count` attempts have not reached the server. */
export function pendingProblem(action: 'join' | 'leave', count: number): ClassProblem {
  return action === 'join'
    ? {
        code: 'pendingJoin',
        params: { count },
        message: `${count} attempt(s) of your current class have not reached its server yet; wait until they are sent.`,
      }
    : {
        code: 'pendingLeave',
        params: { count },
        message: `${count} attempt(s) have not reached the class server yet; stay until they are sent.`,
      };
}

export function recordUnreadable(detail: string): ClassProblem {
  return {
    code: 'recordUnreadable',
    params: { detail },
    message: `Your class record could not be read (${detail}); it was set aside. Join the class again.`,
  };
}

export const STORAGE_REFUSED: ClassProblem = {
  code: 'storageRefused',
  message: 'This browser refused to store your class attempts; keep this tab open until they are sent.',
};

/** An outbox item keeps its last problem as its message (English), code and params. */
export function problemFields(p: ClassProblem): Pick<OutboxItem, 'message' | 'code' | 'params'> {
  return { message: p.message, code: p.code, params: p.params };
}
