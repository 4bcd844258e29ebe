// fr-compromise ships raw .ts types that fail strict tsc; the engine only needs the call shape.
declare module 'fr-compromise' {
  const nlp: (text: string) => any;
  export default nlp;
}
