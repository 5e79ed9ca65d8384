// The AWS Regions offered by the Region picker: the commercial partition (`aws`) as listed in the
// partitions data of the AWS SDK for JavaScript v3 (@aws-sdk/core 3.981, `partitionsInfo`). The
// list does not say where Amazon Bedrock is offered; a Region without Bedrock shows up as
// "could not check" in the view. Other Regions (GovCloud, China) can be set in the setting.

/** Region code → display name. */
export const AWS_REGIONS: Readonly<Record<string, string>> = {
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
};

/** A Region code as AWS writes them (`us-east-1`, `us-gov-west-1`, `eu-central-2`). */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The display name of a Region, or undefined for one not in the list. */
export function regionName(region: string): string | undefined {
  return AWS_REGIONS[region];
}

/**
 * The items of the Region picker: the known Regions in list order, plus any `selected` Region
 * that is not in the list (so that a Region set by hand is not dropped by the picker).
 */
export function regionChoices(selected: readonly string[]): { region: string; name?: string; picked: boolean }[] {
  const chosen = new Set(selected);
  const known = Object.keys(AWS_REGIONS);
  const extra = selected.filter((r) => !(r in AWS_REGIONS));
  return [...extra, ...known].map((region) => ({ region, name: AWS_REGIONS[region], picked: chosen.has(region) }));
}
