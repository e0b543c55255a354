/**
 * Fills `{name}` placeholders of a UI string template (the i18n strings the pages hand to
 * browser scripts in data-* attributes); a placeholder without a value stays as written.
 * @example fill('Slice {n} of {total}', { n: 3, total: 24 }) // 'Slice 3 of 24'
 */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
