/** Entry point of the statistics page's explorer (bundled by Astro; no inline script). */
import { startExplorer } from './explorer.ts';

const root = document.querySelector<HTMLElement>('[data-explorer]');
if (root) void startExplorer(root);
