// The TypeScript compiler API, loaded on first use: its parser is large (about 140 ms to load),
// and a front end that only ever lints JSON never pays for it.
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/**
 * The `typescript` module (syntax only: the engine never builds a program or a type checker).
 * A plain copy of its exports: the module defines every export as a getter, and the walk reads
 * `ts.SyntaxKind` and `ts.isXxx` for every node.
 */
export function typescript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= { ...(require('typescript') as typeof TS) });
}
