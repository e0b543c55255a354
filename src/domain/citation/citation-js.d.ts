// Minimal types for the parts of citation-js this project uses (the packages ship none).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    static async(data: unknown): Promise<Cite>;
    data: object[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  interface PluginConfig {
    styles: {
      add(name: string, xml: string): void;
      has(name: string): boolean;
      get(name: string): string;
    };
    locales: { add(name: string, xml: string): void; has(name: string): boolean };
    format: Record<string, unknown>;
  }
  export const plugins: { config: { get(name: string): PluginConfig } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module '*.csl?raw' {
  const xml: string;
  export default xml;
}
declare module '*.xml?raw' {
  const xml: string;
  export default xml;
}
