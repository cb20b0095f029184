import { request } from './http.js';
import type { OrganizationProfile, RulebookView } from './wire.js';

// Public routes: no credential, the same answers any client gets.

export const fetchPublishedRulebook = (signal: AbortSignal): Promise<RulebookView> =>
  request<RulebookView>('/v1/rulebook', { signal });

export const fetchOrganization = (code: string, signal: AbortSignal): Promise<OrganizationProfile> =>
  request<OrganizationProfile>(`/v1/organizations/${encodeURIComponent(code)}`, { signal });
