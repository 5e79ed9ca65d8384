// logging/cloudtrail-trail: a multi-Region CloudTrail trail is logging, with log file
// validation (tamper evidence) and a customer managed KMS key. Trails are read in each Region:
// DescribeTrails there also returns multi-Region trails whose home is elsewhere.
import { defineCheck } from '../../check';
import { consoleUrl, DOCS } from '../../aws-links';
import type { TrailData } from '../../datasets';
import { capped } from '../evidence';

/** What is missing on a logging multi-Region trail. */
function problems(t: TrailData): string[] {
  const out: string[] = [];
  if (t.trail.LogFileValidationEnabled !== true) out.push('no log file validation');
  if (!t.trail.KmsKeyId) out.push('no KMS key');
  return out;
}

/** One evidence line per trail. */
export function trailEvidence(trails: TrailData[]): { label: string; value: string }[] {
  return capped(
    trails.map((t) => ({
      label: t.trail.Name ?? 'trail',
      value: [
        t.trail.TrailARN ?? 'no ARN',
        t.trail.IsMultiRegionTrail ? 'multi-Region' : `single-Region (${t.trail.HomeRegion ?? '?'})`,
        t.status.IsLogging ? 'logging' : 'not logging',
        t.trail.LogFileValidationEnabled ? 'validation on' : 'validation off',
        t.trail.KmsKeyId ? `KMS ${t.trail.KmsKeyId}` : 'no KMS key',
      ].join(', '),
    })),
  );
}

export default defineCheck({
  id: 'logging/cloudtrail-trail',
  title: 'Multi-Region CloudTrail trail logging, validated, KMS-encrypted',
  category: 'Logging',
  needs: ['trails'],
  evaluate({ trails }, ctx) {
    const url = consoleUrl(ctx.region, ctx.partition, 'cloudtrailv2/home', '#/trails');
    const evidence = trailEvidence(trails);
    const multi = trails.filter((t) => t.trail?.IsMultiRegionTrail === true);
    const logging = multi.filter((t) => t.status.IsLogging === true);
    const create = {
      title: 'Create a multi-Region trail with log file validation and a KMS key',
      cliCommand: `aws cloudtrail create-trail --region ${ctx.region} --name bedrock-audit --s3-bucket-name <trail-bucket> --is-multi-region-trail --enable-log-file-validation --kms-key-id <kms-key-arn> && aws cloudtrail start-logging --region ${ctx.region} --name bedrock-audit`,
      docsUrl: DOCS.trailValidation,
    };
    if (multi.length === 0) return { state: 'fail', summary: 'No multi-Region trail', evidence, consoleUrl: url, remediation: create };
    if (logging.length === 0) {
      const name = multi[0].trail.Name ?? 'trail';
      return { state: 'fail', summary: `Multi-Region trail ${name} is not logging`, evidence, consoleUrl: url, remediation: { title: 'Start logging', cliCommand: `aws cloudtrail start-logging --region ${ctx.region} --name ${multi[0].trail.TrailARN ?? name}`, docsUrl: DOCS.trailValidation } };
    }
    const best = [...logging].sort((a, b) => problems(a).length - problems(b).length)[0];
    const name = best.trail.Name ?? 'trail';
    const missing = problems(best);
    if (missing.length === 0) return { state: 'pass', summary: `Trail ${name}: multi-Region, logging, validated, KMS`, evidence, consoleUrl: url };
    const flags = [...(missing.includes('no log file validation') ? ['--enable-log-file-validation'] : []), ...(missing.includes('no KMS key') ? ['--kms-key-id <kms-key-arn>'] : [])];
    return {
      state: 'warning',
      summary: `Trail ${name}: ${missing.join(', ')}`,
      evidence,
      consoleUrl: url,
      remediation: { title: 'Turn on log file validation and KMS encryption for the trail', cliCommand: `aws cloudtrail update-trail --region ${best.trail.HomeRegion ?? ctx.region} --name ${best.trail.TrailARN ?? name} ${flags.join(' ')}`, docsUrl: DOCS.trailValidation },
    };
  },
});
