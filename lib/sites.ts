// The host families we decorate, in one list: the manifest's match patterns and the run-time
// check of "which site is this page?" are both derived from it, so they cannot drift apart.

export type SiteName = 'procore' | 'xero' | 'zoho_books';

interface SiteFamily {
  name: SiteName;
  /** Human name, as users know it. */
  label: string;
  /** Exact hosts, or `*.` followed by a domain for any of its subdomains. */
  hosts: readonly string[];
}

export const siteFamilies: readonly SiteFamily[] = [
  {
    name: 'procore',
    label: 'Procore',
    // app., us02., sandbox. and other regional hosts; the route decides the page at run time.
    hosts: ['*.procore.com'],
  },
  {
    name: 'xero',
    label: 'Xero',
    // go.xero.com serves invoices and bills; reporting.xero.com the Account Transactions report.
    hosts: ['go.xero.com', 'reporting.xero.com'],
  },
  {
    name: 'zoho_books',
    label: 'Zoho Books',
    // One host per Zoho data centre. Custom organisation domains cannot be listed ahead of time.
    hosts: [
      'books.zoho.com',
      'books.zoho.eu',
      'books.zoho.in',
      'books.zoho.com.au',
      'books.zoho.jp',
      'books.zoho.sa',
      'books.zoho.com.cn',
      'books.zoho.uk',
      'books.zohocloud.ca',
    ],
  },
];

/** Every list the inspector decorates, by site, under the names users know them by. */
export const supportedLists = [
  { kind: 'procore_direct_costs', site: 'procore', label: 'Direct Costs' },
  { kind: 'procore_owner_invoices', site: 'procore', label: 'Invoicing: Owner' },
  { kind: 'procore_subcontractor_invoices', site: 'procore', label: 'Invoicing: Subcontractor' },
  { kind: 'xero_invoices', site: 'xero', label: 'Invoices' },
  { kind: 'xero_bills', site: 'xero', label: 'Bills' },
  { kind: 'xero_account_transactions', site: 'xero', label: 'Account Transactions' },
  { kind: 'zoho_invoices', site: 'zoho_books', label: 'Invoices' },
  { kind: 'zoho_bills', site: 'zoho_books', label: 'Bills' },
] as const satisfies readonly { kind: string; site: SiteName; label: string }[];

export type ListKind = (typeof supportedLists)[number]['kind'];

/** Match patterns for the manifest: https only, every path. */
export function matchPatterns(families: readonly SiteFamily[] = siteFamilies): string[] {
  return families.flatMap((family) => family.hosts.map((host) => `https://${host}/*`));
}

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return hostname === domain || hostname.endsWith(`.${domain}`);
  }
  return hostname === pattern;
}

/** The site a page belongs to, or null for any other page (including look-alike hosts). */
export function siteOf(url: string): SiteName | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const hostname = parsed.hostname.toLowerCase();
  const family = siteFamilies.find((f) => f.hosts.some((pattern) => hostMatches(pattern, hostname)));
  return family?.name ?? null;
}
