// A typed domain name judged as typed, with the reason it is not one in the user's words.
import { DOMAIN_PATTERN } from '../constants/domain';

/**
 * What is wrong with a typed domain, named, or null when it is a lowercase domain name. The value
 * is judged as typed: nothing is lowercased or stripped behind the user's back.
 */
export function domainProblem(domain: string): string | null {
  if (DOMAIN_PATTERN.test(domain)) return null;
  if (domain !== domain.trim()) return 'Domain: remove the space at the start or the end';
  if (/\s/.test(domain)) return `Domain: a domain has no spaces ("${domain}" has one)`;
  if (domain !== domain.toLowerCase())
    return `Domain: use lowercase letters only, such as ${domain.toLowerCase()}`;
  if (!domain.includes('.')) return 'Domain: a domain name has a dot, such as example.com';
  if (/[^a-z0-9.-]/.test(domain))
    return 'Domain: only letters, digits, hyphens and dots, such as example.com';
  return 'Domain: a lowercase domain name such as example.com';
}
