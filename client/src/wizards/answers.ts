// Reading and checking the wizards' typed answers: lists, file paths, tags, defaults. No `vscode`
// import, so that node:test covers it (test/client/wizard-answers.test.ts).

/** Splits a typed list on commas and whitespace; trims, drops empty entries and duplicates. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

/** The first problem of a typed list (`itemProblem` of its entries), or undefined when it is good. */
export function listProblem(text: string, itemProblem: (item: string) => string | undefined, what: string): string | undefined {
  const items = splitList(text);
  if (items.length === 0) return `Enter at least one ${what}.`;
  for (const item of items) {
    const p = itemProblem(item);
    if (p) return p;
  }
  return undefined;
}

/** Why `path` is not a workspace-relative `.json` path to write a policy to, or undefined. */
export function policyPathProblem(path: string): string | undefined {
  const p = path.trim().replace(/\\/g, '/');
  if (p === '') return 'Enter a file name such as policies/bedrock-invoke-models.json.';
  if (p.startsWith('/') || /^[a-z]:/i.test(p)) return 'Enter a path relative to the workspace folder.';
  if (p.split('/').some((part) => part === '..' || part === '')) return 'The path may not contain ".." or empty folder names.';
  if (!/\.json$/i.test(p)) return 'Policy files end with .json.';
  return undefined;
}

/**
 * `base` (e.g. `policies/bedrock-invoke-models.json`) if no such file exists, else the first of
 * `…-2.json`, `…-3.json` that does not.
 */
export function freePath(base: string, exists: (path: string) => boolean): string {
  if (!exists(base)) return base;
  const stem = base.replace(/\.json$/i, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}.json`;
    if (!exists(candidate)) return candidate;
  }
}

/** The first 12-digit account id in a list of ARNs, if any. */
export function accountOf(arns: readonly (string | undefined)[]): string | undefined {
  for (const arn of arns) {
    const m = arn && /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(arn.trim());
    if (m) return m[1];
  }
  return undefined;
}

/** Reads `key=value` (an IAM principal tag); undefined when it is not one. */
export function parseTag(text: string): { key: string; value: string } | undefined {
  const m = /^([\w.:/=+\-@]{1,128})=([\w.:/=+\-@ ]{0,256})$/.exec(text.trim());
  return m && !m[1].toLowerCase().startsWith('aws:') ? { key: m[1], value: m[2].trim() } : undefined;
}

/** The Regions a wizard proposes at first: the allowed Regions setting, else AWS_REGION/AWS_DEFAULT_REGION, else us-east-1. */
export function defaultRegions(allowed: readonly string[], env: NodeJS.ProcessEnv): string[] {
  if (allowed.length > 0) return [...new Set(allowed)];
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  return [fromEnv && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(fromEnv) ? fromEnv : 'us-east-1'];
}
