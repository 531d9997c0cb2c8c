declare module 'virtual:termlight/term-index' {
  const termIndex: import('./types').TermIndex;
  export default termIndex;
}
declare module 'virtual:termlight/definitions' {
  const definitions: import('./types').Definition[];
  export default definitions;
}
