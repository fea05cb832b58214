/** A key as a JSON pointer token (RFC 6901). */
export function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The key a JSON pointer token stands for. */
export function tokenKey(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}
