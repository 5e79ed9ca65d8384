// monitoring/bedrock-alarms: CloudWatch alarms on the AWS/Bedrock namespace notify someone of
// invocation errors (InvocationClientErrors, InvocationServerErrors) and throttles
// (InvocationThrottles). DescribeAlarms has no namespace filter, so alarms are filtered here;
// metric-math alarms count through their metric queries. An alarm without actions notifies no one.
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { defineCheck } from '../../check';
import { consoleUrl, DOCS } from '../../aws-links';
import { capped } from '../evidence';

const NAMESPACE = 'AWS/Bedrock';
const ERRORS = ['InvocationClientErrors', 'InvocationServerErrors'];
const THROTTLES = ['InvocationThrottles'];

/** The Bedrock metrics an alarm watches. */
export function bedrockMetrics(alarm: MetricAlarm): string[] {
  const direct = alarm.Namespace === NAMESPACE && alarm.MetricName ? [alarm.MetricName] : [];
  const queries = (Array.isArray(alarm.Metrics) ? alarm.Metrics : []).map((q) => q?.MetricStat?.Metric).filter((m) => m?.Namespace === NAMESPACE && m.MetricName).map((m) => m!.MetricName!);
  return [...new Set([...direct, ...queries])];
}

function notifies(alarm: MetricAlarm): boolean {
  return alarm.ActionsEnabled !== false && Array.isArray(alarm.AlarmActions) && alarm.AlarmActions.length > 0;
}

function alarmCommand(region: string, name: string, metric: string): string {
  return `aws cloudwatch put-metric-alarm --region ${region} --alarm-name ${name} --namespace ${NAMESPACE} --metric-name ${metric} --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching --alarm-actions <sns-topic-arn>`;
}

export default defineCheck({
  id: 'monitoring/bedrock-alarms',
  title: 'CloudWatch alarms on Bedrock errors and throttles',
  category: 'Monitoring',
  needs: ['alarms'],
  evaluate({ alarms }, ctx) {
    const url = consoleUrl(ctx.region, ctx.partition, 'cloudwatch/home', '#alarmsV2:');
    const bedrock = alarms.filter((a) => a && bedrockMetrics(a).length > 0);
    const evidence = capped(
      bedrock.map((a) => ({ label: a.AlarmName ?? 'alarm', value: `${bedrockMetrics(a).join(', ')}; ${notifies(a) ? `${a.AlarmActions!.length} action(s)` : 'no actions'}; ${a.StateValue ?? 'no state'}` })),
    );
    const covered = (metrics: string[]) => bedrock.some((a) => notifies(a) && bedrockMetrics(a).some((m) => metrics.includes(m)));
    const missing = [...(covered(ERRORS) ? [] : ['errors']), ...(covered(THROTTLES) ? [] : ['throttles'])];
    const remediation = {
      title: 'Alarm on Bedrock invocation errors and throttles',
      cliCommand: [
        ...(missing.includes('errors') ? [alarmCommand(ctx.region, 'bedrock-server-errors', 'InvocationServerErrors')] : []),
        ...(missing.includes('throttles') ? [alarmCommand(ctx.region, 'bedrock-throttles', 'InvocationThrottles')] : []),
      ].join(' && '),
      docsUrl: DOCS.monitoring,
    };
    if (bedrock.length === 0) return { state: 'fail', summary: `No alarms on ${NAMESPACE}`, evidence, consoleUrl: url, remediation };
    if (missing.length > 0) return { state: 'warning', summary: `No alarm that notifies on ${missing.join(' or ')}`, evidence, consoleUrl: url, remediation };
    return { state: 'pass', summary: `${bedrock.length === 1 ? '1 alarm' : `${bedrock.length} alarms`} on errors and throttles`, evidence, consoleUrl: url };
  },
});
