// fr-compromise ships raw .ts types that fail strict tsc (skipLibCheck does not cover .ts files);
// tsconfig.json maps the package here. The engine only needs the call shape.
declare const nlp: (text: string) => any;
export default nlp;
