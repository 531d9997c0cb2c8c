declare module 'virtual:termlight/term-index' {
  const termIndex: import('../match/index-format').CompactTermIndexData;
  export default termIndex;
}
declare module 'virtual:termlight/definitions' {
  const definitions: import('./types').Definition[];
  export default definitions;
}
declare module 'virtual:termlight/held-sections' {
  /** The term index's sections the content script's copy leaves out (index-format.ts). */
  const sections: Record<import('../match/index-format').HeldSection, string>;
  export default sections;
}
declare module 'virtual:termlight/definition-parts' {
  /** The definitions as JSON strings of a few hundred each (src/glossary/definition-parts.ts parses them in slices). */
  const parts: string[];
  export default parts;
}
declare module 'virtual:termlight/gate-filter' {
  /** Base64 of the sorted candidate hashes (src/match/candidates.ts). */
  const gateFilter: string;
  export default gateFilter;
}
