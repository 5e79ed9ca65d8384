// The CLI's own name, version and home page, read from the package.json it ships in (found by
// walking up from this module: `dist/` when bundled, `out/server/src/cli/` in tests).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PackageInfo {
  name: string;
  version: string;
  /** Project home page, also the base of the rule documentation links. */
  homepage: string;
}

const PACKAGE_NAME = 'bedrock-security';
/** Where the project lives when package.json says nothing (the rule docs are under it too). */
const DEFAULT_HOMEPAGE = 'https://github.com/bedrock-security/bedrock-security';

let cached: PackageInfo | undefined;

/** The package's name, version and home page (`0.0.0` and the default home if package.json cannot be found). */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let version = '0.0.0';
  let homepage = DEFAULT_HOMEPAGE;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string; homepage?: unknown; repository?: { url?: unknown } };
        if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') {
          version = pkg.version;
          const url = typeof pkg.homepage === 'string' ? pkg.homepage : pkg.repository?.url;
          if (typeof url === 'string' && /^https:\/\//.test(url)) homepage = url.replace(/\.git$/, '');
          break;
        }
      } catch {
        // Not ours or not JSON: keep looking further up.
      }
    }
    if (dirname(dir) === dir) break;
  }
  cached = { name: PACKAGE_NAME, version, homepage };
  return cached;
}
