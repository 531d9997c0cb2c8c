declare module 'virtual:termlight/term-index' {
  const termIndex: import('../match/index-format').CompactTermIndexData;
  export default termIndex;
}
declare module 'virtual:termlight/definitions' {
  const definitions: import('./types').Definition[];
  export default definitions;
}
declare module 'virtual:termlight/near-words' {
  /** The term index's near-words section, which the content script's copy leaves out (index-format.ts). */
  const nearWords: string;
  export default nearWords;
}
