// Private keys are recognised wherever text is typed or pasted, so one never reaches the draft
// (and with it localStorage) or a request: a PEM/OpenSSH/PGP block, an OpenSSH key body without its
// armour, or a PuTTY key file. Tiny and dependency-free: every wizard field uses it.

/** What the user is told, on the field, when a private key arrives. */
export const PRIVATE_KEY_MESSAGE = 'This is a private key; paste the .pub file';

const ARMOUR = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** base64 of "openssh-key-v1\0", how every OpenSSH private key body starts. */
const OPENSSH_BODY = 'b3BlbnNzaC1rZXktdjE';
const PUTTY = /^\s*PuTTY-User-Key-File-\d+:/m;

/** True when `text` holds a private key (or a recognisable part of one). */
export function isPrivateKey(text: string): boolean {
  return ARMOUR.test(text) || text.includes(OPENSSH_BODY) || PUTTY.test(text);
}
