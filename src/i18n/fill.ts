/**
 * The one template filler: replaces `{name}` placeholders of a UI string (the translator's
 * templates at build time; the templates pages hand to browser scripts in data-* attributes).
 * A placeholder without a value stays as written, so a missing value shows instead of
 * vanishing. No tables imported here: browser scripts import this alone.
 * @example fill('Slice {n} of {total}', { n: 3, total: 24 }) // 'Slice 3 of 24'
 * @example fill('{a} and {b}', { a: 1 }) // '1 and {b}'
 */
export type Vars = Readonly<Record<string, string | number>>;

export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
