import { isIP } from 'node:net';
import { isPublicAddress } from './public-address.js';

/**
 * What is wrong with a webhook URL, or null. With `publicOnly` (the default of a server), only https
 * reaches a host that is not an address or a name reserved for this machine or a private network;
 * a name is checked again at each delivery, against the addresses it then resolves to.
 */
export function webhookUrlProblem(text: string, publicOnly: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'the webhook URL is not a valid absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `a webhook URL must be https, not ${url.protocol}`;
  if (publicOnly && url.protocol !== 'https:') return 'a webhook URL must be https (plain http only on a server started with --webhooks-private)';
  if (url.username !== '' || url.password !== '') return 'a webhook URL may not carry a user name or password: deliveries are authenticated by their signature';
  if (url.hash !== '') return 'a webhook URL may not have a #fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (publicOnly && isIP(host) !== 0 && !isPublicAddress(host)) return `${host} is not a public address: webhooks reach public addresses only`;
  if (publicOnly && (host === 'localhost' || host.endsWith('.localhost'))) return `${host} is this machine: webhooks reach public addresses only`;
  return null;
}
