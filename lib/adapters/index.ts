// The adapter of each supported site.
import type { SiteName } from '../sites';
import { procore } from './procore';
import type { SiteAdapter } from './types';
import { xero } from './xero';
import { zohoBooks } from './zoho-books';

export const adapters: Record<SiteName, SiteAdapter> = { procore, xero, zoho_books: zohoBooks };
