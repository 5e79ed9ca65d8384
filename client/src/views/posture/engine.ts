// Loads the posture engine (server/src/posture, bundled with the AWS SDK clients as
// dist/posture.js) on the first Refresh, not at activation: the SDK clients take a few hundred
// milliseconds to load and most sessions never check an account.
import type * as PostureModule from '../../../../server/src/posture/index';

/** The posture engine's API (runPosture, summaryLine, renderMarkdown, renderJson, …). */
export type PostureEngine = typeof PostureModule;

let loaded: PostureEngine | undefined;

/** Loads dist/posture.js from `bundlePath` once; throws if the bundle is missing or broken. */
export function loadPostureEngine(bundlePath: string): PostureEngine {
  // A runtime path: esbuild leaves this require alone, so the SDK stays out of dist/client.js.
  loaded ??= require(bundlePath) as PostureEngine;
  return loaded;
}
