// AWS Regions by partition, for completions in ARNs and in values of `aws:RequestedRegion`.
// Source: the partitions data of the AWS SDK for JavaScript v3 (`partitionsInfo` in
// @aws-sdk/core 3.981.2, dist-cjs/submodules/client), which lists every Region with its
// description. The isolated partitions (aws-iso*) are left out: their Regions are not public.
// New Regions appear there first; the list is refreshed with the SDK.

/** One Region: its code, its name as AWS displays it, and its partition. */
export interface RegionInfo {
  code: string;
  name: string;
  partition: string;
}

const BY_PARTITION: Record<string, Record<string, string>> = {
  aws: {
    'us-east-1': 'US East (N. Virginia)',
    'us-east-2': 'US East (Ohio)',
    'us-west-1': 'US West (N. California)',
    'us-west-2': 'US West (Oregon)',
    'af-south-1': 'Africa (Cape Town)',
    'ap-east-1': 'Asia Pacific (Hong Kong)',
    'ap-east-2': 'Asia Pacific (Taipei)',
    'ap-northeast-1': 'Asia Pacific (Tokyo)',
    'ap-northeast-2': 'Asia Pacific (Seoul)',
    'ap-northeast-3': 'Asia Pacific (Osaka)',
    'ap-south-1': 'Asia Pacific (Mumbai)',
    'ap-south-2': 'Asia Pacific (Hyderabad)',
    'ap-southeast-1': 'Asia Pacific (Singapore)',
    'ap-southeast-2': 'Asia Pacific (Sydney)',
    'ap-southeast-3': 'Asia Pacific (Jakarta)',
    'ap-southeast-4': 'Asia Pacific (Melbourne)',
    'ap-southeast-5': 'Asia Pacific (Malaysia)',
    'ap-southeast-6': 'Asia Pacific (New Zealand)',
    'ap-southeast-7': 'Asia Pacific (Thailand)',
    'ca-central-1': 'Canada (Central)',
    'ca-west-1': 'Canada West (Calgary)',
    'eu-central-1': 'Europe (Frankfurt)',
    'eu-central-2': 'Europe (Zurich)',
    'eu-north-1': 'Europe (Stockholm)',
    'eu-south-1': 'Europe (Milan)',
    'eu-south-2': 'Europe (Spain)',
    'eu-west-1': 'Europe (Ireland)',
    'eu-west-2': 'Europe (London)',
    'eu-west-3': 'Europe (Paris)',
    'il-central-1': 'Israel (Tel Aviv)',
    'me-central-1': 'Middle East (UAE)',
    'me-south-1': 'Middle East (Bahrain)',
    'me-west-1': 'Middle East (Saudi Arabia)',
    'mx-central-1': 'Mexico (Central)',
    'sa-east-1': 'South America (Sao Paulo)',
    'sa-west-1': 'South America (Chile)',
  },
  'aws-us-gov': {
    'us-gov-east-1': 'AWS GovCloud (US-East)',
    'us-gov-west-1': 'AWS GovCloud (US-West)',
  },
  'aws-cn': {
    'cn-north-1': 'China (Beijing)',
    'cn-northwest-1': 'China (Ningxia)',
  },
  'aws-eusc': {
    'eusc-de-east-1': 'AWS European Sovereign Cloud (Germany)',
  },
};

/** Every public Region: the commercial partition first, then GovCloud, China and the European Sovereign Cloud. */
export const REGIONS: readonly RegionInfo[] = Object.entries(BY_PARTITION).flatMap(([partition, regions]) => Object.entries(regions).map(([code, name]) => ({ code, name, partition })));

const byCode = new Map(REGIONS.map((r) => [r.code, r]));

/** The Region with this code, or undefined. */
export function region(code: string): RegionInfo | undefined {
  return byCode.get(code);
}

/** The Regions of a partition (`aws`, `aws-cn`…); every Region for an unknown or wildcard partition. */
export function regionsOfPartition(partition: string): readonly RegionInfo[] {
  return partition in BY_PARTITION ? REGIONS.filter((r) => r.partition === partition) : REGIONS;
}
