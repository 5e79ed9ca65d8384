// Where rule documentation lives; diagnostics link here (LSP codeDescription, SARIF helpUri).
export const DOCS_BASE = 'https://github.com/bedrock-security/bedrock-security/blob/main/docs/rules';

/** The documentation URL of a rule id (`iam/wildcard-resource` → …/docs/rules/iam/wildcard-resource.md). */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}
