// logging/log-group-protection: the CloudWatch log group that receives invocation logs is
// encrypted with a customer managed KMS key and keeps logs at least 365 days (no retention
// setting means "never expire"). Invocation logs hold prompts and responses: sensitive data.
import { defineCheck } from '../../check';
import { consoleUrl, DOCS } from '../../aws-links';

/** The minimum retention, in days, this check accepts. */
export const MIN_RETENTION_DAYS = 365;

export default defineCheck({
  id: 'logging/log-group-protection',
  title: 'Invocation log group: KMS key and 365-day retention',
  category: 'Logging',
  needs: ['invocationLogGroup'],
  evaluate({ invocationLogGroup }, ctx) {
    const { logGroupName, logGroup } = invocationLogGroup;
    if (!logGroupName) return { state: 'not-applicable', summary: 'No CloudWatch Logs destination for invocation logs', evidence: [] };
    const url = consoleUrl(ctx.region, ctx.partition, 'cloudwatch/home', `#logsV2:log-groups/log-group/${encodeURIComponent(encodeURIComponent(logGroupName))}`);
    if (!logGroup) {
      return {
        state: 'fail',
        summary: `Log group ${logGroupName} does not exist`,
        evidence: [{ label: 'Log group', value: logGroupName }],
        remediation: { title: 'Create the log group with a KMS key', cliCommand: `aws logs create-log-group --region ${ctx.region} --log-group-name ${logGroupName} --kms-key-id <kms-key-arn>`, docsUrl: DOCS.logGroupKms },
      };
    }
    const retention = typeof logGroup.retentionInDays === 'number' ? logGroup.retentionInDays : undefined;
    const kms = typeof logGroup.kmsKeyId === 'string' && logGroup.kmsKeyId !== '' ? logGroup.kmsKeyId : undefined;
    const evidence = [
      { label: 'Log group', value: logGroup.arn ?? logGroupName },
      { label: 'KMS key', value: kms ?? 'none' },
      { label: 'Retention', value: retention === undefined ? 'never expire' : `${retention} days` },
    ];
    const problems: string[] = [];
    if (!kms) problems.push('no KMS key');
    if (retention !== undefined && retention < MIN_RETENTION_DAYS) problems.push(`retention ${retention} days (under ${MIN_RETENTION_DAYS})`);
    if (problems.length === 0) {
      return { state: 'pass', summary: `KMS key, ${retention === undefined ? 'never expire' : `retention ${retention} days`}`, evidence, consoleUrl: url };
    }
    const commands = [
      ...(!kms ? [`aws logs associate-kms-key --region ${ctx.region} --log-group-name ${logGroupName} --kms-key-id <kms-key-arn>`] : []),
      ...(retention !== undefined && retention < MIN_RETENTION_DAYS ? [`aws logs put-retention-policy --region ${ctx.region} --log-group-name ${logGroupName} --retention-in-days ${MIN_RETENTION_DAYS}`] : []),
    ];
    const text = problems.join(', ');
    return {
      state: 'fail',
      summary: text.charAt(0).toUpperCase() + text.slice(1),
      evidence,
      consoleUrl: url,
      remediation: { title: 'Encrypt the log group with a KMS key and keep logs at least 365 days', cliCommand: commands.join(' && '), docsUrl: DOCS.logGroupKms },
    };
  },
});
