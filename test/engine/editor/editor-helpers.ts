// Helpers of the editor-feature tests: a cursor mark in a policy text, and the parsed model.
import { parseJsonPolicy } from '../../../server/src/engine/policy/json-parser';
import type { Policy } from '../../../server/src/engine/policy/model';

/** Marks the cursor in test texts (a character no policy in these tests contains). */
export const CURSOR = '‸';

/** The text without the cursor mark, the cursor's offset, and the policy model (if the text is one). */
export function at(marked: string): { text: string; offset: number; policy: Policy | undefined } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error('mark the cursor exactly once');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, policy: parseJsonPolicy(text) };
}

/** `at` for texts that must be policies. */
export function policyAt(marked: string): { text: string; offset: number; policy: Policy } {
  const r = at(marked);
  if (!r.policy) throw new Error('the text is not a policy');
  return { ...r, policy: r.policy };
}
