declare module 'virtual:termlight/term-index' {
  const termIndex: import('../match/index-format').CompactTermIndexData;
  export default termIndex;
}
declare module 'virtual:termlight/definitions' {
  const definitions: import('./types').Definition[];
  export default definitions;
}
