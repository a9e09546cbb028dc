// citation-js 0.8 ships no type declarations; these cover the calls the CSL styles make.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(kind: 'bibliography' | 'citation', options: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: { add(name: string, xml: string): void; has(name: string): boolean };
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
