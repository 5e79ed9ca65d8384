// policy/file-too-large: the finding Linter.lintJson reports, without parsing, for a document
// longer than the maxFileSize setting. This module only carries the rule's metadata and docs
// (so that it has a severity, can be turned off and is documented); its check does nothing.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    // Equal to linter.ts FILE_TOO_LARGE (a test checks it); not imported, since the linter imports
    // the rule registry.
    id: 'policy/file-too-large',
    severity: 'information',
    description: 'The document is longer than the "maxFileSize" setting, so it was not analysed.',
    fixable: false,
    docs: {
      rationale: [
        'To keep the editor responsive, documents longer than `bedrockSecurity.maxFileSize` characters (1,000,000 by default; `maxFileSize` in `.bedrock-security.json`) are not parsed or checked. A document that mentions `"Statement"` gets this one finding at its start, so that a skipped policy is never mistaken for a clean one; other large JSON files are skipped silently.',
        '',
        'No IAM policy comes close to the default limit: the largest managed policy quota is 6,144 characters and SCPs are limited to 5,120. A file this large is usually a generated bundle or a data file that happens to contain policies. Raise the setting to analyse it anyway, or set this rule to `off` to silence the notice.',
      ].join('\n'),
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html'],
    },
  },
  check() {
    // Reported by Linter.lintJson before any parsing; see the module header.
  },
});
