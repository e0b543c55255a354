/**
 * Failure messages that stay readable when one template bug repeats on 800 study pages:
 * identical problems are grouped, with the first few places they occur.
 */

/**
 * Groups `[place, problem]` pairs by problem.
 * @example groupProblems([['a.html:1', 'x'], ['b.html:1', 'x']]) // ['x (2×): a.html:1, b.html:1']
 */
export function groupProblems(items: Array<[place: string, problem: string]>, shown = 3): string[] {
  const byProblem = new Map<string, string[]>();
  for (const [place, problem] of items) {
    byProblem.set(problem, [...(byProblem.get(problem) ?? []), place]);
  }
  return [...byProblem].map(([problem, places]) => {
    const more = places.length > shown ? `, and ${places.length - shown} more` : '';
    return `${problem} (${places.length}×): ${places.slice(0, shown).join(', ')}${more}`;
  });
}
