// The parts of the product permissions belong to (the id before the colon), as the roles matrix and the permissions
// dialog group them. An area not named here shows its id.
export const AREA_NAMES: Record<string, string> = {
  organization: 'Organization',
  members: 'Members',
  roles: 'Roles',
  apiKeys: 'API keys',
  statistics: 'Statistics',
  audit: 'Security log',
  calls: 'Live calls',
  dealers: 'Dealers',
  leads: 'Leads',
  teams: 'Teams',
  products: 'Products',
  sessions: 'Practice sessions',
  coaching: 'Coaching',
  emails: 'Email',
  jobs: 'Background jobs',
  contacts: 'Contacts',
  messages: 'Message library',
  programs: 'Programs',
  accounts: 'Sender accounts',
  providers: 'Gateways',
  transmissions: 'Transmissions',
  campaigns: 'Campaigns',
};

export const areaName = (area: string) => AREA_NAMES[area] ?? area;

/** Items grouped by area, in the order the areas first appear. */
export function byArea<T extends { id: string }>(items: readonly T[]): { area: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const area = item.id.split(':')[0]!;
    groups.set(area, [...(groups.get(area) ?? []), item]);
  }
  return [...groups].map(([area, list]) => ({ area, items: list }));
}
