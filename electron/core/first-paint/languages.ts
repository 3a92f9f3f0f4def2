// The user's preferred languages as a shell learns them: a browser's Accept-Language header
// (the browser shell) or the OS list (Electron). Best first, well-formed tags only, at most 20.
const TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/u;

export function acceptLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 50)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/u.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => TAG.test(tag) && tag.length <= 35 && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag)
    .slice(0, 20);
}

export function wellFormedLanguages(tags: readonly string[]): string[] {
  return tags.filter((tag) => TAG.test(tag) && tag.length <= 35).slice(0, 20);
}
